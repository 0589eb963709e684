// One question's way into the matrix: parsing an answer (numbers, option labels, multi-choice
// lists), resolving a FeatureSpec against the observed answers (options, scale ends, imputation
// values) and writing a respondent's encoded columns in place.
import {
  type FeatureSpec,
  type AnswerValue,
  type AnswerRow,
  type EncodedColumn,
  type ResolvedFeature,
} from "./encode-types";

export type Parsed =
  | { state: "missing" }
  | { state: "unrecognised" }
  | { state: "value"; value: number }
  | { state: "choice"; option: string }
  | { state: "choices"; options: string[]; unknown: number };

const MISSING: Parsed = { state: "missing" };
const UNRECOGNISED: Parsed = { state: "unrecognised" };

function isBlank(value: AnswerValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function parseNumber(value: AnswerValue): Parsed {
  if (typeof value === "number")
    return Number.isFinite(value) ? { state: "value", value } : UNRECOGNISED;
  if (typeof value === "string") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? { state: "value", value: n } : UNRECOGNISED;
  }
  return UNRECOGNISED;
}

export function parseAnswer(feature: FeatureSpec, value: AnswerValue): Parsed {
  if (isBlank(value)) return MISSING;
  const declared = feature.options;
  switch (feature.kind) {
    case "numeric":
      return parseNumber(value);
    case "ordinal": {
      if (!declared) return parseNumber(value);
      const index = typeof value === "string" ? declared.indexOf(value) : -1;
      return index >= 0 ? { state: "value", value: index } : UNRECOGNISED;
    }
    case "categorical": {
      if (typeof value === "object") return UNRECOGNISED;
      const option = String(value);
      return !declared || declared.includes(option) ? { state: "choice", option } : UNRECOGNISED;
    }
    case "multi": {
      // A single string is a one-option answer; an empty array is the answer "none of these".
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list)) return UNRECOGNISED;
      const options: string[] = [];
      let unknown = 0;
      for (const item of list as readonly unknown[]) {
        if (typeof item === "string" && (!declared || declared.includes(item))) options.push(item);
        else unknown++;
      }
      // Only unrecognised items: the respondent answered, but nothing we can encode.
      if (options.length === 0 && unknown > 0) return UNRECOGNISED;
      return { state: "choices", options, unknown };
    }
  }
}

export function isImputed(p: Parsed): boolean {
  return p.state === "missing" || p.state === "unrecognised";
}

export function validate(features: readonly FeatureSpec[]): void {
  if (features.length === 0) throw new RangeError("Encoding needs at least one segment question.");
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.id)) throw new RangeError(`Question ${f.id} is listed twice.`);
    seen.add(f.id);
    if (!["categorical", "multi", "ordinal", "numeric"].includes(f.kind)) {
      throw new RangeError(`Question ${f.id} has unknown kind ${String(f.kind)}.`);
    }
    if (f.options && new Set(f.options).size !== f.options.length) {
      throw new RangeError(`Question ${f.id} has duplicate options.`);
    }
    if (f.min !== undefined && f.max !== undefined && !(f.min < f.max)) {
      throw new RangeError(`Question ${f.id} needs min < max, got ${f.min}..${f.max}.`);
    }
  }
}

/** Options, range and fill values for one question, from the kept respondents' answers. */
export function resolveFeature(feature: FeatureSpec, answers: readonly Parsed[]): ResolvedFeature {
  const label = feature.label ?? feature.id;
  if (feature.kind === "categorical" || feature.kind === "multi") {
    let options = feature.options ? [...feature.options] : undefined;
    if (!options) {
      const observed = new Set<string>();
      for (const a of answers) {
        if (a.state === "choice") observed.add(a.option);
        if (a.state === "choices") a.options.forEach((o) => observed.add(o));
      }
      // Code-unit order, not locale order, so the columns are the same on every machine.
      options = [...observed].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    }
    const counts = new Array<number>(options.length).fill(0);
    let answered = 0;
    for (const a of answers) {
      if (a.state === "choice") {
        answered++;
        counts[options.indexOf(a.option)]! += 1;
      } else if (a.state === "choices") {
        answered++;
        for (const o of new Set(a.options)) counts[options.indexOf(o)]! += 1;
      }
    }
    return {
      id: feature.id,
      kind: feature.kind,
      label,
      options,
      min: 0,
      max: 1,
      rangeSource: feature.options ? "declared" : "observed",
      // Two respondents with different single answers differ by 1 in two columns (squared
      // distance 2); a multi-select differs at most in all L flags (squared distance L).
      columnWeight:
        feature.kind === "categorical" ? Math.SQRT1_2 : 1 / Math.sqrt(Math.max(1, options.length)),
      fill: counts.map((c) => (answered > 0 ? c / answered : 0)),
    };
  }

  const values: number[] = [];
  for (const a of answers) if (a.state === "value") values.push(a.value);
  let min = feature.min;
  let max = feature.max;
  let rangeSource: ResolvedFeature["rangeSource"] = "declared";
  if (feature.kind === "ordinal" && feature.options) {
    min ??= 0;
    max ??= feature.options.length - 1;
    rangeSource = feature.min === undefined && feature.max === undefined ? "options" : "declared";
  }
  if (min === undefined || max === undefined) {
    rangeSource = values.length > 0 ? "observed" : "none";
    // reduce, not Math.min(...values): spreading 100k+ answers overflows the call stack.
    min ??= values.length > 0 ? values.reduce((m, v) => Math.min(m, v), Infinity) : 0;
    max ??= values.length > 0 ? values.reduce((m, v) => Math.max(m, v), -Infinity) : 0;
  }
  const span = max - min;
  const scaled = values.map((v) => scaleValue(v, min, span));
  const fill = scaled.length > 0 ? scaled.reduce((s, v) => s + v, 0) / scaled.length : 0;
  return {
    id: feature.id,
    kind: feature.kind,
    label,
    options: feature.kind === "ordinal" && feature.options ? [...feature.options] : [],
    min,
    max,
    rangeSource,
    columnWeight: 1,
    fill: [fill],
  };
}

/** Maps onto [0, 1]; a question everyone answered the same (span 0) carries no distance. */
function scaleValue(value: number, min: number, span: number): number {
  if (!(span > 0)) return 0;
  return Math.min(1, Math.max(0, (value - min) / span));
}

export function columnsOf(feature: ResolvedFeature): EncodedColumn[] {
  if (feature.kind === "categorical" || feature.kind === "multi") {
    return feature.options.map((option) => ({
      questionId: feature.id,
      label: `${feature.label}: ${option}`,
      option,
    }));
  }
  return [{ questionId: feature.id, label: feature.label }];
}

/** Columns a question takes in the matrix: one per option for choice questions, else one. */
export function widthOf(feature: ResolvedFeature): number {
  return feature.kind === "categorical" || feature.kind === "multi" ? feature.options.length : 1;
}

/**
 * Writes the question's weighted columns for one answer (its fill values when imputed) into
 * `out` from `offset`, so a million rows never allocate an array per answer.
 */
export function encodeAnswerInto(
  feature: ResolvedFeature,
  answer: Parsed,
  out: Float64Array,
  offset: number,
): void {
  const w = feature.columnWeight;
  if (isImputed(answer)) {
    feature.fill.forEach((f, c) => (out[offset + c] = f * w));
    return;
  }
  if (answer.state === "value") {
    out[offset] = scaleValue(answer.value, feature.min, feature.max - feature.min) * w;
    return;
  }
  const { options } = feature;
  if (answer.state === "choice") {
    for (let c = 0; c < options.length; c++) out[offset + c] = options[c] === answer.option ? w : 0;
    return;
  }
  const chosen = new Set(answer.state === "choices" ? answer.options : []);
  for (let c = 0; c < options.length; c++)
    out[offset + c] = chosen.has(options[c] as string) ? w : 0;
}

/**
 * Parses one question's answers for every row. Parsing depends only on the question and the
 * answer, so each distinct plain answer (a scale point, an option) is parsed once and its result
 * shared: a million rows hold a million references, not a million objects per question.
 */
export function parseColumn(feature: FeatureSpec, rows: readonly AnswerRow[]): Parsed[] {
  const known = new Map<AnswerValue, Parsed>();
  const out = new Array<Parsed>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as AnswerRow)[feature.id];
    if (typeof value === "object" && value !== null) {
      out[i] = parseAnswer(feature, value);
      continue;
    }
    let parsed = known.get(value);
    if (parsed === undefined) {
      parsed = parseAnswer(feature, value);
      known.set(value, parsed);
    }
    out[i] = parsed;
  }
  return out;
}
