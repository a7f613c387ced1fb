import { parseYesNo } from "../../../src/ledger/parse/bool";

describe("parseYesNo", () => {
  it.each([
    "是",
    "有",
    "已",
    "Y",
    "y",
    "yes",
    "Yes",
    "YES",
    "TRUE",
    "true",
    "✓",
    "✔",
    "√",
    "1",
    "done",
    "已完成",
    "已签",
    "已签合同",
    "已验货",
    "ＹＥＳ",
    "yes, SGS",
    "OK",
  ])("reads %j as yes", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: true });
  });

  it.each([
    "否",
    "无",
    "没有",
    "未",
    "N",
    "no",
    "No",
    "FALSE",
    "false",
    "✗",
    "✘",
    "×",
    "0",
    "none",
    "未完成",
    "未签",
    "未提供",
    "无发票",
    "待签",
    "not yet",
    "pending",
  ])("reads %j as no", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: false });
  });

  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])("reads the cell %p as %p", (v, b) => {
    expect(parseYesNo(v as boolean)).toEqual({ ok: true, value: b });
  });

  it.each([null, undefined, "", "  ", "-"])("reads %j as not known", (v) => {
    expect(parseYesNo(v)).toEqual({ ok: true, value: undefined });
  });

  it.each(["maybe", "SGS", "张三", "yesterday", "nothing", 2, "#REF!"])("refuses %j", (v) => {
    expect(parseYesNo(v).ok).toBe(false);
  });
});

describe("parseYesNo on the words for no", () => {
  it.each(["无", "没有", "未", "N/A", "n/a", "Ｎ／Ａ", "否"])("reads %j as no", (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: false });
  });
});
