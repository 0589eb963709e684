// Persona stability in words, the same on every page and in report.html: the label, the mean
// Jaccard with its Monte Carlo standard error, and "borderline" when a label threshold is within
// two of those errors (stability.ts), so a reader does not take a coin-flip label as settled.
// Runs stored before the error was recorded show the mean alone.

/** What the text needs of a persona's stability; the Monte Carlo fields are absent in old runs. */
export interface StabilityFigures {
  label: "stable" | "uncertain" | "unstable";
  meanJaccard: number | null;
  monteCarloError?: number | null;
  nearThreshold?: boolean;
  rounds?: number;
}

/** "stable · Jaccard 0.92 ± 0.01", or "stable (borderline) · Jaccard 0.76 ± 0.02". */
export function stabilityText(stability: StabilityFigures): string {
  const { label, meanJaccard, monteCarloError: error } = stability;
  const jaccard =
    meanJaccard === null
      ? "n/a"
      : `${meanJaccard.toFixed(2)}${error === null || error === undefined ? "" : ` ± ${error.toFixed(2)}`}`;
  return `${label}${stability.nearThreshold ? " (borderline)" : ""} · Jaccard ${jaccard}`;
}

/** The longer explanation (a badge's title); undefined when the rounds are not known. */
export function stabilityTitle(stability: StabilityFigures): string | undefined {
  if (stability.rounds === undefined) return undefined;
  const error =
    stability.monteCarloError === null || stability.monteCarloError === undefined
      ? ""
      : ", ± its Monte Carlo standard error";
  const borderline = stability.nearThreshold
    ? ". Borderline: the 0.75 (stable) or 0.6 (unstable) threshold is within two standard errors, so another set of rounds could give the neighbouring label"
    : "";
  return `Mean Jaccard similarity over ${stability.rounds} bootstrap rounds${error}${borderline}.`;
}
