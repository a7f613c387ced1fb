/**
 * The sizes Excel limits, as the gateway plans its requests and as the mock
 * host enforces them. Excel on the web refuses a request or a response larger
 * than 5 MB (RichApi.Error RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded), and every platform refuses to read a
 * range of more than 5,000,000 cells (RangeExceedsLimit). See "Resource limits
 * and performance optimization for Office Add-ins" (Excel add-ins section).
 */

/** 5 MB, read the strict way (5,000,000 bytes of JSON, UTF-8). */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Most cells one range read may return. */
export const READ_CELL_LIMIT = 5_000_000;

/** Bytes of `text` in UTF-8 (Chinese text is 3 bytes a character). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** The size of a value as JSON on the wire, in bytes. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Bytes(JSON.stringify(value));
}
