// journey.json, the command line's journey output: the app's journey fill (journey/fill.ts) laid
// out for reading and scripting. One cell per persona (by index, or "all" for every respondent)
// and stage, with the emotion mean and pain index and their 95 % intervals, the thought themes
// with quotes, the goals, and whether the cell has too little evidence to show a value; then
// the suggested moments of truth and the prioritised gaps as the filler wrote them.
import type { TFillCell, TJourneyFill } from "./journey/result";

export const JOURNEY_FILE_SCHEMA_VERSION = 1 as const;

export interface JourneyFileCell {
  persona: number | "all";
  stage: string;
  /** Respondents of the row who answered the stage's emotion, pain or thought questions. */
  n: number;
  /** No measure of the cell (emotion, pain, thoughts) has enough evidence to show. */
  insufficient: boolean;
  /** Why each measure without a value has none. */
  reasons: string[];
  emotion: { mean: number; lower: number; upper: number; n: number } | null;
  pain: {
    index: number;
    lower: number;
    upper: number;
    severeShare: number;
    n: number;
    /** One-sided "suffers more than the other personas", BH-adjusted q; null for "all". */
    q: number | null;
    significant: boolean;
  } | null;
  themes: { label: string; term: string; count: number; share: number; quotes: string[] }[];
  /** Text tone of the cell's thoughts, when there are enough. */
  tone: "negative" | "neutral" | "positive" | null;
  quotes: string[];
  goals: TFillCell["goals"];
}

export interface JourneyFile {
  schemaVersion: typeof JOURNEY_FILE_SCHEMA_VERSION;
  stages: { id: string; name: string }[];
  personas: { index: number; name: string; n: number; share: number }[];
  respondents: number;
  minN: number;
  cells: JourneyFileCell[];
  momentsOfTruth: TJourneyFill["moments"];
  gaps: TJourneyFill["gaps"];
  emotionChanges: TJourneyFill["emotionChanges"];
  warnings: string[];
  notes: string[];
}

function cellOf(c: TFillCell): JourneyFileCell {
  const reasons: string[] = [];
  if (c.emotion.status === "insufficient") reasons.push(`Emotion: ${c.emotion.reason}`);
  if (c.pain.status === "insufficient") reasons.push(`Pain: ${c.pain.reason}`);
  if (c.thoughts.status === "insufficient") reasons.push(`Thoughts: ${c.thoughts.reason}`);
  const thoughtsN = c.thoughts.status === "ok" ? c.thoughts.respondents : c.thoughts.n;
  return {
    persona: c.personaIndex ?? "all",
    stage: c.stageId,
    n: Math.max(c.emotion.n, c.pain.n, thoughtsN),
    insufficient:
      c.emotion.status === "insufficient" &&
      c.pain.status === "insufficient" &&
      c.thoughts.status === "insufficient",
    reasons,
    emotion:
      c.emotion.status === "ok"
        ? {
            mean: c.emotion.mean,
            lower: c.emotion.interval.lower,
            upper: c.emotion.interval.upper,
            n: c.emotion.n,
          }
        : null,
    pain:
      c.pain.status === "ok"
        ? {
            index: c.pain.index,
            lower: c.pain.interval.lower,
            upper: c.pain.interval.upper,
            severeShare: c.pain.severe.share,
            n: c.pain.n,
            q: c.pain.test?.q ?? null,
            significant: c.pain.test?.significant ?? false,
          }
        : null,
    themes:
      c.thoughts.status === "ok"
        ? c.thoughts.themes.map((t) => ({
            label: t.label,
            term: t.term,
            count: t.count,
            share: t.share,
            quotes: t.quotes.map((q) => q.text),
          }))
        : [],
    tone:
      c.thoughts.status === "ok" && c.thoughts.sentiment.status === "ok"
        ? c.thoughts.sentiment.tone
        : null,
    quotes: c.thoughts.status === "ok" ? c.thoughts.quotes.map((q) => q.text) : [],
    goals: c.goals,
  };
}

export function journeyFileFromFill(fill: TJourneyFill): JourneyFile {
  return {
    schemaVersion: JOURNEY_FILE_SCHEMA_VERSION,
    stages: fill.stages.map((s) => ({ id: s.id, name: s.name })),
    personas: fill.personas.map((p) => ({ index: p.index, name: p.name, n: p.n, share: p.share })),
    respondents: fill.respondents,
    minN: fill.parameters.minN,
    cells: fill.cells.map(cellOf),
    momentsOfTruth: fill.moments,
    gaps: fill.gaps,
    emotionChanges: fill.emotionChanges,
    warnings: fill.warnings,
    notes: fill.notes,
  };
}
