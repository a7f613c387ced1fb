import { supplierKeys } from "../blacklist";
import type { Order, Supplier } from "../types";

/**
 * Which orders belong to one supplier: orders sharing any key the blacklist
 * matches by (USCC, member id, shop link, name; see blacklist.ts) are one
 * supplier, so an order naming only the shop link joins the orders naming the
 * company. Union-find over the keys; each distinct supplier object (rows with
 * equal supplier facts share one) is keyed once.
 */
export interface SupplierGroups {
  /** Per order, its group (0, 1, 2... in order of first appearance); -1 when the order names no supplier. */
  groupOf: Int32Array;
  /** Per group, every key its orders were matched by (the first is the group's id). */
  keys: string[][];
  /** Per group, the first order's supplier. */
  first: Supplier[];
}

export function groupSuppliers(orders: readonly Order[]): SupplierGroups {
  const parent: number[] = [];
  const nodeKey: string[] = [];
  const nodeOf = new Map<string, number>();
  const supplierNode = new Map<Supplier, number>();
  const find = (n: number): number => {
    let root = n;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[n] !== root) {
      const next = parent[n] as number;
      parent[n] = root;
      n = next;
    }
    return root;
  };
  const node = new Int32Array(orders.length).fill(-1);
  let last: Supplier | undefined;
  let lastNode = -1;
  for (let i = 0; i < orders.length; i++) {
    const s = (orders[i] as Order).supplier;
    // A 1688 order's lines (and runs of one supplier's orders) repeat the same supplier object.
    if (s === last) {
      node[i] = lastNode;
      continue;
    }
    const seen = supplierNode.get(s);
    if (seen !== undefined) {
      node[i] = seen;
      last = s;
      lastNode = seen;
      continue;
    }
    let first = -1;
    for (const key of supplierKeys(s)) {
      let n = nodeOf.get(key);
      if (n === undefined) {
        n = parent.length;
        parent.push(n);
        nodeKey.push(key);
        nodeOf.set(key, n);
      }
      if (first < 0) first = n;
      else {
        const a = find(first);
        const b = find(n);
        if (a !== b) parent[b] = a;
      }
    }
    supplierNode.set(s, first);
    node[i] = first;
    last = s;
    lastNode = first;
  }
  // Groups numbered in order of first appearance; each node's group found once (by its root).
  const groupOfRoot = new Int32Array(parent.length).fill(-1);
  const groupOfNode = new Int32Array(parent.length).fill(-1);
  const groupOf = new Int32Array(orders.length).fill(-1);
  const keys: string[][] = [];
  const first: Supplier[] = [];
  for (let i = 0; i < orders.length; i++) {
    const n = node[i] as number;
    if (n < 0) continue;
    let g = groupOfNode[n] as number;
    if (g < 0) {
      const root = find(n);
      g = groupOfRoot[root] as number;
      if (g < 0) {
        g = keys.length;
        groupOfRoot[root] = g;
        keys.push([]);
        first.push((orders[i] as Order).supplier);
      }
      groupOfNode[n] = g;
    }
    groupOf[i] = g;
  }
  // Every key under its group, the group's first key first.
  for (let n = 0; n < parent.length; n++) {
    const g = groupOfRoot[find(n)] as number;
    if (g >= 0) (keys[g] as string[]).push(nodeKey[n] as string);
  }
  return { groupOf, keys, first };
}
