// Layout of the trait forest plot, decided from the width it gets: how wide the label column is,
// how the trait labels wrap into lines (never cut), how tall each row must be for its lines, and
// which x ticks fit without their numbers running into each other. Pure, so it is tested alone.

/** Average width of one character of the 12 px chart font, in px (a little generous). */
const CHAR_PX = 6.6;
const LINE_PX = 14;
/** Room one tick number needs, with a gap to the next: "−2.5" plus space. */
const TICK_PX = 46;
const NICE_STEPS = [0.25, 0.5, 1, 2, 2.5, 5, 10];

/** Splits text into lines of at most `maxChars`, at spaces; a longer word gets its own line. */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * Ticks on a nice step from −reach to reach, where reach is the first multiple of the step at or
 * beyond `bound`: the smallest step whose ticks the plot's width holds apart.
 */
export function chooseTicks(
  bound: number,
  plotWidth: number,
): { ticks: number[]; step: number; reach: number } {
  const room = Math.max(3, Math.floor(plotWidth / TICK_PX) + 1);
  const halfOf = (s: number) => Math.ceil(bound / s - 1e-9);
  const step =
    NICE_STEPS.find((s) => 2 * halfOf(s) + 1 <= room) ??
    (NICE_STEPS[NICE_STEPS.length - 1] as number);
  const half = halfOf(step);
  const ticks = Array.from(
    { length: 2 * half + 1 },
    (_, i) => Math.round((i - half) * step * 100) / 100,
  );
  return { ticks, step, reach: half * step };
}

/** "−1.5", "0", "2": a real minus sign, decimals only where the step needs them. */
export function tickText(value: number, step: number): string {
  const digits = step < 0.5 ? 2 : step < 1 || !Number.isInteger(step) ? 1 : 0;
  const text = Math.abs(value).toFixed(value === 0 ? 0 : digits);
  return value < 0 ? `−${text}` : text;
}

export interface ForestLayout {
  labelWidth: number;
  lines: string[][];
  rowHeight: number;
  height: number;
  bound: number;
  ticks: number[];
  step: number;
}

export const FOREST_MARGIN = { top: 8, right: 20, bottom: 30, left: 4 } as const;

export function forestLayout(
  labels: string[],
  extent: number,
  width: number,
  minRowHeight = 28,
): ForestLayout {
  const labelWidth = Math.round(Math.min(240, Math.max(110, width * 0.4)));
  const maxChars = Math.max(12, Math.floor((labelWidth - 10) / CHAR_PX));
  const lines = labels.map((l) => wrapLabel(l, maxChars));
  const mostLines = Math.max(1, ...lines.map((l) => l.length));
  const rowHeight = Math.max(minRowHeight, mostLines * LINE_PX + 10);
  const bound = Math.max(0.5, Math.ceil(Math.max(1, extent) * 2) / 2);
  const plotWidth = width - labelWidth - FOREST_MARGIN.left - FOREST_MARGIN.right;
  const { ticks, step, reach } = chooseTicks(bound, plotWidth);
  return {
    labelWidth,
    lines,
    rowHeight,
    height: FOREST_MARGIN.top + FOREST_MARGIN.bottom + 30 + rowHeight * Math.max(1, labels.length),
    bound: reach,
    ticks,
    step,
  };
}
