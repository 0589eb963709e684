// The colour bands of the pain severity index (0-100), shared by every map, legend and slide that
// colours pain. A cell is banded by the whole number it shows, so a cell reading "60" is always in
// the 60-79 band, wherever it is drawn. Each band includes its lower edge and excludes its upper
// one, except the top band, which includes 100: [0,20) [20,40) [40,60) [60,80) [80,100].

export interface PainBand {
  /** Lowest whole index in the band (included). */
  from: number;
  /** Highest whole index in the band (included). */
  through: number;
  word: string;
  background: string;
  /** Text colour that meets WCAG AA on the background. */
  text: string;
}

export const painBands: readonly PainBand[] = [
  { from: 0, through: 19, word: "little", background: "#fff7ec", text: "#1c2233" },
  { from: 20, through: 39, word: "mild", background: "#fdd49e", text: "#1c2233" },
  { from: 40, through: 59, word: "moderate", background: "#fc8d59", text: "#1c2233" },
  { from: 60, through: 79, word: "strong", background: "#c9341f", text: "#ffffff" },
  { from: 80, through: 100, word: "severe", background: "#7f0000", text: "#ffffff" },
];

/** The index as it is shown: a whole number, clamped to 0-100. */
export function shownPainIndex(index: number): number {
  return Math.min(100, Math.max(0, Math.round(index)));
}

/** The band of an index, decided on the whole number that is shown. */
export function painBand(index: number): PainBand {
  const shown = shownPainIndex(index);
  return painBands.find((b) => shown <= b.through) ?? (painBands[painBands.length - 1] as PainBand);
}

/** "60–79 strong": the band's edges as whole numbers, both shown values included. */
export function painBandLabel(band: PainBand): string {
  return `${band.from}–${band.through} ${band.word}`;
}

/**
 * The band edges in words for a legend: each band is closed at both ends on the whole number
 * shown, and the index is rounded before banding, so the cut between two bands on the unrounded
 * index sits at .5 (included in the upper band). Examples are taken from the first cut.
 */
export function painBandEdgesNote(): string {
  const lower = painBands[0] as PainBand;
  const upper = (painBands[1] ?? lower) as PainBand;
  const cut = upper.from;
  const word = (index: number) => painBand(index).word;
  return (
    `Each band includes both of its ends: ${cut - 1} is ${word(cut - 1)}, ${cut} is ${word(cut)}. ` +
    `The index is rounded to a whole number first, so ${cut - 0.5} counts as ${cut} (${word(cut - 0.5)}) ` +
    `and ${cut - 0.6} as ${cut - 1} (${word(cut - 0.6)}).`
  );
}
