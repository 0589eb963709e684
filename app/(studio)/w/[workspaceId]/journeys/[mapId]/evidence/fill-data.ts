// The evidence grid's reading of a stored fill: which of the map's stages it covers (columns in
// the map's current order), the cell of a row and stage, the rows a view shows, colours for
// personas and for the pain scale, and the words for numbers. Pure; no React.
import { okabeIto } from "~/app/_components/charts/palette";
import { plain, range, signed } from "~/server/analysis/journey/format";
import type { TFillCell, TJourneyFill } from "~/server/analysis/journey/result";
import type { MapData } from "../map-state";
import { formatDateTime } from "~/app/_lib/format";
import { painBand, type PainBand } from "~/server/domain/pain-bands";

export { qText } from "~/server/analysis/journey/format";

/** Which rows the grid shows: every persona overlaid, one persona, or all respondents. */
export type View = { kind: "overlay" } | { kind: "persona"; index: number } | { kind: "everyone" };

export const viewValue = (view: View): string =>
  view.kind === "persona" ? `p${view.index}` : view.kind;

export function parseView(value: string): View {
  if (value === "everyone") return { kind: "everyone" };
  const match = /^p(\d+)$/.exec(value);
  return match ? { kind: "persona", index: Number(match[1]) } : { kind: "overlay" };
}

export interface Column {
  stageId: string;
  name: string;
  /** False: the stage was added to the map after this fill; refill to fill it. */
  inFill: boolean;
}

/** The map's stages in its current order; fill stages no longer on the map are named apart. */
export function columnsFor(
  map: Pick<MapData, "stages">,
  fill: TJourneyFill,
): { columns: Column[]; dropped: string[] } {
  const filled = new Set(fill.stages.map((s) => s.id));
  const onMap = new Set(map.stages.map((s) => s.id));
  return {
    columns: map.stages.map((s) => ({ stageId: s.id, name: s.name, inFill: filled.has(s.id) })),
    dropped: fill.stages.filter((s) => !onMap.has(s.id)).map((s) => s.name),
  };
}

export type CellLookup = (personaIndex: number | null, stageId: string) => TFillCell | undefined;

export function cellLookup(fill: TJourneyFill): CellLookup {
  const cells = new Map(fill.cells.map((c) => [`${c.personaIndex ?? "all"}|${c.stageId}`, c]));
  return (personaIndex, stageId) => cells.get(`${personaIndex ?? "all"}|${stageId}`);
}

/** Okabe-Ito, darkest first; yellow is left out (too light on white). */
const personaPalette = [
  okabeIto.blue,
  okabeIto.vermillion,
  okabeIto.bluishGreen,
  okabeIto.reddishPurple,
  okabeIto.orange,
  okabeIto.skyBlue,
  okabeIto.black,
];
export const everyoneColour = "#535d75";

export const personaColour = (index: number): string =>
  personaPalette[index % personaPalette.length] ?? okabeIto.black;

/** One row of the grid: a persona, or all respondents (personaIndex null). */
export interface Series {
  personaIndex: number | null;
  key: string;
  name: string;
  colour: string;
  n: number;
}

export function seriesOf(fill: TJourneyFill): Series[] {
  return [
    ...fill.personas.map((p) => ({
      personaIndex: p.index,
      key: `p${p.index}`,
      name: p.name,
      colour: personaColour(p.index),
      n: p.n,
    })),
    {
      personaIndex: null,
      key: "all",
      name: "All respondents",
      colour: everyoneColour,
      n: fill.respondents,
    },
  ];
}

/** The rows a view shows, in order; the last is the comparison row where there is one. */
export function seriesFor(fill: TJourneyFill, view: View): Series[] {
  const all = seriesOf(fill);
  if (view.kind === "overlay") return all;
  if (view.kind === "everyone") return all.filter((s) => s.personaIndex === null);
  return all.filter((s) => s.personaIndex === view.index);
}

/** The pain colour band of an index, by the whole number the cell shows (one shared rule). */
export const painClass = (index: number): PainBand => painBand(index);

export const valence = (v: number) => signed(v);
export const wholeIndex = (v: number) => Math.round(v).toString();
export const percent = (share: number) => `${Math.round(share * 100)} %`;
export const intervalText = (
  interval: { lower: number; upper: number },
  write: (v: number) => string = (v) => plain(v),
) => range(interval, write);

const emotionWords: Record<string, string> = {
  "-2": "very negative",
  "-1": "negative",
  "0": "neutral",
  "1": "positive",
  "2": "very positive",
};
export const emotionWord = (v: number) => emotionWords[String(Math.round(v))] ?? "";

/** When a run was made, in the viewer's locale (the one app-wide format, app/_lib/format.ts). */
export const formatRunDate = (date: Date, locale: string): string =>
  formatDateTime(date, { locale });
