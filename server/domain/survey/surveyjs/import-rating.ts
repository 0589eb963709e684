// A SurveyJS rating question -> our Likert (1-5, 1-7), rating (0-10), emotion or pain scale,
// by its points; other scales become a number question with the same bounds, reported.
import type { TLocalizedText, TQuestionType } from "../definition";
import { emotionScale } from "../scales";
import { Choices, type ElementContext, type MappedBody } from "./import-choices";
import { requireEnglish, type PartialText } from "./text";
import { asArray, asNumber, isObject, type JsonObject, type TQuestionCustom } from "./types";

function range(values: number[], from: number, to: number): boolean {
  return values.length === to - from + 1 && values.every((v, i) => v === from + i);
}

interface Scale {
  values: number[];
  texts: (PartialText | null)[];
}

function ratingScale(el: JsonObject, ctx: ElementContext): Scale | { textValues: true } {
  const rateValues = asArray(el.rateValues);
  if (rateValues.length > 0) {
    const values = rateValues.map((v) => asNumber(isObject(v) ? v.value : v));
    if (values.some((v) => v === undefined)) return { textValues: true };
    return {
      values: values as number[],
      texts: rateValues.map((v) =>
        isObject(v) && v.text !== undefined ? ctx.text.read(v.text) : null,
      ),
    };
  }
  const min = asNumber(el.rateMin) ?? 1;
  const step = asNumber(el.rateStep) ?? 1;
  const count = asNumber(el.rateCount);
  const max = asNumber(el.rateMax) ?? (count ? min + (count - 1) * step : 5);
  const values: number[] = [];
  for (let v = min; v <= max + 1e-9 && values.length <= 100 && step > 0; v += step) {
    values.push(Math.round(v * 1e6) / 1e6);
  }
  return { values, texts: values.map(() => null) };
}

export function rating(
  el: JsonObject,
  path: string,
  name: string,
  custom: TQuestionCustom,
  ctx: ElementContext,
): MappedBody {
  const scale = ratingScale(el, ctx);
  const body = (type: TQuestionType, settings: MappedBody["settings"] = {}): MappedBody => ({
    type,
    options: [],
    settings,
    randomizeOptions: false,
    optionValues: new Map(),
  });
  if ("textValues" in scale) {
    ctx.report(
      path,
      `Rating "${name}" with text values`,
      "A rating scale here is numeric; it was imported as a single-choice question with the same points.",
    );
    const list = new Choices(name, ctx);
    list.addItems(el.rateValues, `${path}.rateValues`);
    return { ...body("SINGLE_CHOICE"), options: list.options, optionValues: list.optionValues };
  }
  const { values, texts } = scale;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const isNumberText = (t: PartialText | null, v: number) => !t || t.en === String(v);
  const endLabel = (description: unknown, t: PartialText | null, v: number) => {
    const read = ctx.text.read(description) ?? (isNumberText(t, v) ? null : t);
    return read ? (requireEnglish(read) as TLocalizedText) : undefined;
  };
  const ends = () => {
    // SurveyJS once spelled it "mininumRateDescription"; files from then still carry it.
    const minDescription = el.minRateDescription ?? el.mininumRateDescription;
    const minLabel = endLabel(minDescription, texts[0] ?? null, first);
    const maxLabel = endLabel(el.maxRateDescription, texts[texts.length - 1] ?? null, last);
    const middle = texts.slice(1, -1).filter((t, i) => !isNumberText(t, values[i + 1] ?? NaN));
    if (middle.length > 0) {
      ctx.report(
        `${path}.rateValues`,
        `Labels of the middle points of "${name}"`,
        "Scales here label their two ends only.",
      );
    }
    return { ...(minLabel ? { minLabel } : {}), ...(maxLabel ? { maxLabel } : {}) };
  };
  const emotionWords = emotionScale.map((p) => p.label.en.toLowerCase());
  const looksLikeEmotion = texts.every((t, i) => t?.en?.toLowerCase() === emotionWords[i]);

  if (range(values, -2, 2) && (custom.type === "EMOTION" || looksLikeEmotion)) {
    return body("EMOTION");
  }
  if (range(values, 0, 4) && custom.type === "PAIN") return body("PAIN");
  if (range(values, 1, 5) || range(values, 1, 7)) {
    return body("LIKERT", { points: values.length as 5 | 7, ...ends() });
  }
  if (range(values, 0, 10))
    return body("RATING", { ...ends(), ...(custom.nps ? { nps: true } : {}) });
  // Our own export of a number question held as a rating scale loses nothing: no report.
  if (custom.type !== "NUMBER")
    ctx.report(
      path,
      `Rating scale of "${name}" (${first} to ${last}${values.length > 1 ? `, ${values.length} points` : ""})`,
      "Only 1–5 and 1–7 (Likert), 0–10 (rating), and our emotion and pain scales have an equivalent; it was imported as a number question with the same bounds (respondents type the number), and exports as the same rating scale again.",
    );
  if (!(first < last)) return body("NUMBER");
  const step = values.length > 1 ? (values[1] as number) - first : 1;
  const evenSteps = values.every((v, i) => Math.abs(v - (first + i * step)) < 1e-9);
  return {
    ...body("NUMBER", { min: first, max: last, ...ends() }),
    ...(evenSteps && asArray(el.rateValues).length === 0
      ? { origin: { type: "rating" as const, ...(step !== 1 ? { rateStep: step } : {}) } }
      : {}),
  };
}
