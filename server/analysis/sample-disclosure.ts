// Which figures of a persona run are estimates on a sample of the respondents rather than on all
// of them, so that every page and report that shows them can say so. Above 2 000 clustered rows
// the silhouette is computed on a seeded sample of 2 000 (its exact form is O(n²), quality.ts);
// above 20 000 the whole k curve is (choose-k.ts). Runs record both sample sizes in `metrics`;
// runs stored before they did are read by those fixed limits, which held when they were written.
import type { AnalysisResult } from "./result";

/** The silhouette's exact limit and sample size when runs did not record them (quality.ts). */
const LEGACY_SILHOUETTE_SAMPLE = 2000;
/** The k curve's sampling threshold and sample size then (kmeans-engine.ts). */
const LEGACY_CURVE_SAMPLE = 20_000;

export interface AnalysisSamples {
  /** Clustered respondents. */
  clustered: number;
  /** Rows behind the silhouettes when sampled; null when they cover every clustered respondent. */
  silhouette: number | null;
  /** Rows behind the k curve when sampled; null when it covers every clustered respondent. */
  curve: number | null;
}

export function analysisSamples(
  result: Pick<AnalysisResult, "metrics" | "encoding">,
): AnalysisSamples {
  const clustered = result.encoding.clustered;
  const legacy = (limit: number): number | null => (clustered > limit ? limit : null);
  return {
    clustered,
    silhouette:
      result.metrics.silhouetteSample === undefined
        ? legacy(LEGACY_SILHOUETTE_SAMPLE)
        : result.metrics.silhouetteSample,
    curve:
      result.metrics.curveSample === undefined
        ? legacy(LEGACY_CURVE_SAMPLE)
        : result.metrics.curveSample,
  };
}

/** "estimated on a sample of 2,000 of the 48,211 respondents", or null when not sampled. */
export function sampleNote(sample: number | null, clustered: number): string | null {
  if (sample === null) return null;
  return `estimated on a sample of ${sample.toLocaleString("en")} of the ${clustered.toLocaleString("en")} respondents`;
}
