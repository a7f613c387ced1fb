import type { Translate } from "../i18n";
import type { SettingField } from "../model/settings-form";

/** A setting's label in the pane's language (the Settings tab, and the status bar naming a bad setting). */
export function settingLabel(field: SettingField, t: Translate): string {
  if (field.kind === "rate") return t("settingRate", { code: field.key.slice("rates.".length) });
  return t(`setting_${field.key}` as Parameters<Translate>[0]);
}
