// Localised strings between SurveyJS and us. SurveyJS writes a plain string, or an object per
// locale where "default" is the library's default language (English); we keep English and
// German and count every other language so the import can say what it left out.
import type { TLocalizedText } from "../definition";
import { isObject } from "./types";

export type PartialText = { en?: string; de?: string };

const languageNames: Record<string, string> = {
  fr: "French",
  es: "Spanish",
  it: "Italian",
  nl: "Dutch",
  pl: "Polish",
  pt: "Portuguese",
  ru: "Russian",
  tr: "Turkish",
  sv: "Swedish",
  da: "Danish",
  fi: "Finnish",
  nb: "Norwegian",
  cs: "Czech",
  ja: "Japanese",
  zh: "Chinese",
};

export const languageName = (locale: string) => languageNames[locale] ?? `"${locale}"`;

export class TextReader {
  /** Locale -> how many strings in it were left out. */
  readonly dropped = new Map<string, number>();
  sawGerman = false;

  read(value: unknown): PartialText | null {
    if (typeof value === "string" || typeof value === "number") {
      const text = String(value).trim();
      return text ? { en: text } : null;
    }
    if (!isObject(value)) return null;
    const out: PartialText = {};
    for (const [rawLocale, raw] of Object.entries(value)) {
      if (typeof raw !== "string" || raw.trim() === "") continue;
      const locale = rawLocale.toLowerCase();
      const text = raw.trim();
      // An explicit "en" wins over "default"; both mean English in a default SurveyJS setup.
      if (locale === "en") out.en = text;
      else if (locale === "default") out.en ??= text;
      else if (locale === "de") {
        out.de = text;
        this.sawGerman = true;
      } else this.dropped.set(locale, (this.dropped.get(locale) ?? 0) + 1);
    }
    return out.en || out.de ? out : null;
  }
}

/** Our text as SurveyJS writes it: a plain string when there is only English. */
export function writeText(text: PartialText | null | undefined): string | Record<string, string> {
  if (!text) return "";
  const en = text.en?.trim();
  const de = text.de?.trim();
  if (!de) return en ?? "";
  return en ? { default: en, de } : { de };
}

/** A required text: English, else the German text standing in for it. */
export function requireEnglish(text: PartialText): TLocalizedText {
  return text.de ? { en: text.en ?? text.de, de: text.de } : { en: text.en ?? "" };
}
