/**
 * The globals and library methods newer than ECMAScript 2016 that the engine and zod use, for
 * the JavaScript-only custom functions runtime: Office on Windows before version 2403 and
 * Office 2021 run custom functions on an ES2016 engine (Microsoft's "Runtimes in Office
 * Add-ins"). Imported first by functions.ts, so only the custom functions bundle carries
 * them; each is installed only where the host lacks it, non-enumerable like the built-in.
 * tests/functions/bundle.test.ts runs the built bundle where these are absent.
 */

/** Read through the global scope while a getter on Object.prototype answers it (globalObject). */
declare const __sourcingGuardGlobal__: Record<string, unknown>;

/**
 * The global object; `globalThis` itself is ES2020 and zod reads its registries from it.
 * Found without eval (`Function("return this")` fails under functions.html's CSP): a name
 * looked up in the global scope reaches Object.prototype through the global object, so a
 * getter there sees the global object as `this`.
 */
function globalObject(): Record<string, unknown> {
  if (typeof globalThis !== "undefined") return globalThis as unknown as Record<string, unknown>;
  Object.defineProperty(Object.prototype, "__sourcingGuardGlobal__", {
    get(this: Record<string, unknown>) {
      return this;
    },
    configurable: true,
  });
  try {
    return __sourcingGuardGlobal__;
  } finally {
    delete (Object.prototype as Record<string, unknown>)["__sourcingGuardGlobal__"];
  }
}

const host = globalObject();

function install(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

install(host, "globalThis", host);

/**
 * zod computes its int64 bounds with BigInt("...") when it loads, so an engine without
 * BigInt (ES2020) would not load the bundle at all. The add-in uses no BigInt values (see
 * src/rules/digits.ts), so a stand-in that gives a plain number lets zod load; zod's
 * int64 schemas, which would need the real thing, are not used.
 */
install(host, "BigInt", (value: unknown) => Number(value));

function ownKeys(o: object): string[] {
  return Object.keys(o);
}

install(Object, "entries", (o: Record<string, unknown>) => ownKeys(o).map((k) => [k, o[k]]));
install(Object, "values", (o: Record<string, unknown>) => ownKeys(o).map((k) => o[k]));
install(Object, "fromEntries", (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const out: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
});

install(Object, "getOwnPropertyDescriptors", (o: object) => {
  const out: Record<PropertyKey, PropertyDescriptor | undefined> = {};
  for (const key of Reflect.ownKeys(o)) out[key] = Object.getOwnPropertyDescriptor(o, key);
  return out;
});

function pad(text: string, length: number, filler: string | undefined): string {
  const fill = filler === undefined ? " " : String(filler);
  if (length <= text.length || fill === "") return "";
  let padding = "";
  while (padding.length < length - text.length) padding += fill;
  return padding.slice(0, length - text.length);
}

install(String.prototype, "padStart", function (this: string, length: number, filler?: string) {
  const text = String(this);
  return pad(text, length, filler) + text;
});
install(String.prototype, "padEnd", function (this: string, length: number, filler?: string) {
  const text = String(this);
  return text + pad(text, length, filler);
});
install(String.prototype, "trimStart", function (this: string) {
  return String(this).replace(/^[\s\uFEFF\xA0]+/, "");
});
install(String.prototype, "trimEnd", function (this: string) {
  return String(this).replace(/[\s\uFEFF\xA0]+$/, "");
});

function flatten(list: readonly unknown[], depth: number, out: unknown[]): unknown[] {
  for (const item of list) {
    if (Array.isArray(item) && depth > 0) flatten(item, depth - 1, out);
    else out.push(item);
  }
  return out;
}

install(Array.prototype, "flat", function (this: unknown[], depth?: number) {
  return flatten(this, depth === undefined ? 1 : Number(depth), []);
});
install(
  Array.prototype,
  "flatMap",
  function (this: unknown[], map: (v: unknown, i: number, a: unknown[]) => unknown) {
    return flatten(this.map(map), 1, []);
  },
);
