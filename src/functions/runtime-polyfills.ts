/**
 * The few library methods newer than ECMAScript 2016 that the engine and zod call, for
 * the JavaScript-only custom functions runtime: Office on Windows before version 2403 and
 * Office 2021 run custom functions on an ES2016 engine (Microsoft's "Runtimes in Office
 * Add-ins"). Imported first by functions.ts, so only the custom functions bundle carries
 * them; each is installed only where the host lacks it, non-enumerable like the built-in.
 * tests/functions/bundle.test.ts runs the built bundle where these are absent.
 */

function install(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

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
