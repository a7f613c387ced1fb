import { createContext, runInContext, type Context } from "node:vm";
import { CUSTOM_FUNCTIONS_SHIM } from "./runtime-shim";

/**
 * What a fresh V8 context holds beyond ECMAScript 2016, removed. Microsoft documents the
 * JavaScript-only custom functions runtime of Office on Windows before 2403 and Office 2021
 * as an ES2016 engine (plus XHR, WebSockets, OfficeRuntime.storage, none of which the add-in
 * uses), so the context keeps ES2016's built-ins and nothing else: no globalThis, BigInt,
 * Intl, Object.entries/values/fromEntries, padStart, flat..., and no host globals at all
 * (URL, TextDecoder, structuredClone, window, self are never in a vm context). Without
 * Intl the locale methods of ES2016 are implementation-defined, so they are replaced by
 * the plain forms such an engine may give, and a result that leaned on them would differ
 * from the source's. `Error.captureStackTrace` (V8 only) goes too. Well-known symbols
 * (Symbol.asyncIterator) cannot be deleted and stay; nothing uses them without syntax
 * newer than ES2016, which the parse test rejects.
 */
const STRIP_TO_ES2016 = `
(function (g) {
  "use strict";
  function drop(target, names) {
    names.forEach(function (name) { delete target[name]; });
  }
  drop(g, ["BigInt", "BigInt64Array", "BigUint64Array", "Intl", "WeakRef", "FinalizationRegistry",
    "AggregateError", "Atomics", "SharedArrayBuffer", "WebAssembly", "Iterator", "Float16Array",
    "DisposableStack", "AsyncDisposableStack", "SuppressedError"]);
  drop(Object, ["entries", "values", "fromEntries", "getOwnPropertyDescriptors", "hasOwn", "groupBy"]);
  drop(Array, ["fromAsync"]);
  drop(Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex", "toReversed", "toSorted",
    "toSpliced", "with"]);
  drop(String.prototype, ["padStart", "padEnd", "trimStart", "trimEnd", "trimLeft", "trimRight",
    "matchAll", "replaceAll", "at", "isWellFormed", "toWellFormed"]);
  drop(Promise, ["allSettled", "any", "withResolvers", "try"]);
  drop(Promise.prototype, ["finally"]);
  drop(Symbol.prototype, ["description"]);
  drop(Map, ["groupBy"]);
  drop(Set.prototype, ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf",
    "isSupersetOf", "isDisjointFrom"]);
  drop(ArrayBuffer.prototype, ["transfer", "transferToFixedLength", "resize"]);
  drop(JSON, ["rawJSON", "isRawJSON"]);
  drop(RegExp, ["escape"]);
  drop(Math, ["f16round", "sumPrecise"]);
  drop(Error, ["captureStackTrace"]);
  Number.prototype.toLocaleString = function () { return String(Number(this)); };
  Array.prototype.toLocaleString = Array.prototype.toString;
  Date.prototype.toLocaleString = Date.prototype.toString;
  Date.prototype.toLocaleDateString = Date.prototype.toDateString;
  Date.prototype.toLocaleTimeString = Date.prototype.toTimeString;
  String.prototype.toLocaleLowerCase = String.prototype.toLowerCase;
  String.prototype.toLocaleUpperCase = String.prototype.toUpperCase;
  String.prototype.localeCompare = function (that) {
    var a = String(this), b = String(that);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  delete g.globalThis;
})(this);
`;

/**
 * A vm context with ES2016's built-ins and the CustomFunctions shim, nothing else. Code
 * generation from strings (eval, new Function) is refused, as functions.html's CSP
 * refuses it in Excel on the web.
 */
export function es2016Context(): Context {
  const context = createContext({}, { codeGeneration: { strings: false, wasm: false } });
  runInContext(STRIP_TO_ES2016, context);
  runInContext(`${CUSTOM_FUNCTIONS_SHIM}; this.CustomFunctions = CustomFunctions;`, context);
  return context;
}

/** The names of the context's global object (what a bundle may reach without declaring). */
export function globalNames(context: Context): string[] {
  return JSON.parse(runInContext("JSON.stringify(Object.getOwnPropertyNames(this))", context)) as string[];
}
