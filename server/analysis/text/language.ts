// Whether an answer reads as English, German or neither, by its function words: the tone and term
// models are English only, so German answers (the app's other survey language) get no tone rather
// than a wrong one. An answer with too few function words to tell ("Super!") counts as unknown and
// is read as English, which is what the model does anyway. Umlauts and ß add to German.
export type TextLanguage = "en" | "de" | "unknown";

const ENGLISH = new Set(
  "the and is was it to of my not for with this that on very but be are have had they we you were been would could there their what when which".split(
    " ",
  ),
);
const GERMAN = new Set(
  "der die das und ist war bin sind hatte habe einem einer nicht ich mein meine mit sehr aber ein eine einen zu auf für es wir sie den dem des wurde hat haben kein keine auch noch nur schon wie bei nach von im zum zur uns mir mich dass weil oder".split(
    " ",
  ),
);

export function textLanguage(text: string): TextLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let en = 0;
  let de = /[äöüß]/i.test(text) ? 1 : 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en += 1;
    if (GERMAN.has(w)) de += 1;
  }
  if (de > en && de >= 2) return "de";
  if (en >= 1 && en >= de) return "en";
  return "unknown";
}

/** English or too short to tell: the tone model may read it. */
export function toneReadable(text: string): boolean {
  return textLanguage(text) !== "de";
}
