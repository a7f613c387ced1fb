import { FIELD_BY_ID, type FieldId } from "../../ledger/fields";
import type { Lang } from "../../rules/types";

const CJK = /[\u4e00-\u9fff]/;

/** A field's name for people: its first alias in the pane's language, in English with the id. */
export function fieldLabel(id: FieldId, lang: Lang): string {
  const aliases = FIELD_BY_ID[id].aliases;
  const alias = aliases.find((a) => (lang === "zh" ? CJK.test(a) : !CJK.test(a))) ?? aliases[0] ?? id;
  // The field id (what a column correction stores) is a code name: English only.
  return lang === "zh" ? alias : `${alias} · ${id}`;
}
