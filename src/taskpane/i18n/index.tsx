/**
 * The task pane's language: English or Chinese, following Office's display
 * language ("zh-CN", "zh-TW"... → Chinese), switchable in the pane.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { Lang } from "../../rules/types";
import { en, type StringKey } from "./en";
import { zh } from "./zh";

export type { StringKey };
export const STRINGS: Record<Lang, Record<StringKey, string>> = { en, zh };

/** Chinese when Office's display language is Chinese, else English. */
export function languageOf(displayLanguage: string | undefined): Lang {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * Fills `{name}` placeholders, and `{name|one|other}` with the word for the
 * number `name` holds: `one` for exactly 1, `other` for any other number
 * ("{count} {count|entry|entries}"). Chinese needs no plural forms.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (all, name: string, one: string, other: string) =>
      name in values ? (Number(values[name]) === 1 ? one : other) : all,
    )
    .replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/**
 * Something the pane says, made in whatever language the pane is in when it
 * is shown (a notice raised in English reads in Chinese after switching).
 */
export type Phrase = (t: Translate, lang: Lang) => string;

/** The phrase of one string with its values. */
export function phrase(key: StringKey, values?: Record<string, string | number>): Phrase {
  return (t) => t(key, values);
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export interface I18nProviderProps {
  initial: Lang;
  children: ReactNode;
}

export function I18nProvider({ initial, children }: I18nProviderProps) {
  const [lang, setLang] = useState<Lang>(initial);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, values) => format(STRINGS[lang][key], values) }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
