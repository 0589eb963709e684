// The planted generator's features as the segmenting questions of an analysis input: the step
// every pure-engine test takes between generateSegments() and runAnalysis(). The label defaults to
// the feature id; tests that check how labels are shown pass their own.
import type { FeatureSpec } from "~/server/analysis/encode-types";
import type { QuestionDefinition } from "~/server/analysis/survey";

export function segmentQuestions(
  features: FeatureSpec[],
  label: (feature: FeatureSpec, index: number) => string = (f) => f.id,
): QuestionDefinition[] {
  return features.map((f, j) => ({
    id: f.id,
    label: label(f, j),
    role: "SEGMENT" as const,
    kind: f.kind,
    min: f.min,
    max: f.max,
  }));
}
