/**
 * The `CustomFunctions` global of Excel's custom functions runtime, as far as the add-in
 * uses it, written as ES2016 source so that the same text can run in this realm and in a
 * bare `node:vm` context (tests/functions/bundle.test.ts).
 *
 * It mirrors @microsoft/office-js's custom-functions-runtime.js (CustomFunctionError,
 * ErrorCode, and how an error cell arrives): with `allowErrorForDataTypeAny`, the runtime
 * replaces each error cell of the arguments (top level and inside ranges) by
 * `new CustomFunctions.Error(code)`: an Error subclass whose `code` is "#N/A", "#VALUE!"...,
 * `message` "", `type` and `basicType` "Error", `basicValue` the code. That is the shape
 * `errorCell` makes and the tests feed.
 */
export const CUSTOM_FUNCTIONS_SHIM = `
var CustomFunctions = (function () {
  var ErrorCode = {
    invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
    nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!"
  };
  function CustomFunctionError(errorCode, errorMessage) {
    var self = new Error(errorMessage || "");
    Object.setPrototypeOf(self, CustomFunctionError.prototype);
    self.type = "Error";
    self.basicType = "Error";
    self.code = errorCode || ErrorCode.invalidValue;
    self.basicValue = self.code;
    self.errorSubType = undefined;
    self.stack = undefined;
    return self;
  }
  CustomFunctionError.prototype = Object.create(Error.prototype, {
    constructor: { value: CustomFunctionError, writable: true, configurable: true }
  });
  var associated = {};
  return {
    Error: CustomFunctionError,
    ErrorCode: ErrorCode,
    associate: function (id, fn) { associated[id] = fn; },
    associated: associated
  };
})();
`;

export interface CustomFunctionsShim {
  Error: new (code: string, message?: string) => { code: string; message: string };
  ErrorCode: Record<string, string>;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  associated: Record<string, (...args: unknown[]) => unknown>;
}

/** A fresh shim in this realm. */
export function makeCustomFunctions(): CustomFunctionsShim {
  return new Function(`${CUSTOM_FUNCTIONS_SHIM}; return CustomFunctions;`)() as CustomFunctionsShim;
}

/** Installs a fresh shim as the global CustomFunctions for the tests of one file. */
export function useCustomFunctions(): CustomFunctionsShim {
  const shim = makeCustomFunctions();
  beforeAll(() => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = shim;
  });
  afterAll(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });
  return shim;
}
