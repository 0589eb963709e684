// The warnings a finished analysis carries, in words a strategist can act on: weak or absent
// cluster structure, personas that are unstable under resampling or too small for their
// statistics, personas that no question tells apart, and respondents left out for skipping.
import { type KChoice } from "./choose-k";
import { type DenseEncodedMatrix } from "./encode-types";
import { MIN_GROUP_N, traitFamily } from "./evidence-rules";
import { type AnalysisResult, type Persona } from "./result";

export function countDistinguishing(
  personas: readonly Persona[],
  family: "segment" | "descriptive",
): number {
  return personas.reduce(
    (sum, p) => sum + p.traits.filter((t) => t.distinguishing && traitFamily(t) === family).length,
    0,
  );
}

/** "0.76 ± 0.02" (the Monte Carlo error, when known), or "n/a". */
function jaccardText(stability: Persona["stability"]): string {
  if (stability.meanJaccard === null) return "n/a";
  const error = stability.monteCarloError;
  return `${stability.meanJaccard.toFixed(2)}${error === null || error === undefined ? "" : ` ± ${error.toFixed(2)}`}`;
}

export function warningsFor(
  personas: readonly Persona[],
  choice: KChoice,
  encoded: DenseEncodedMatrix,
  params: AnalysisResult["parameters"],
): string[] {
  const warnings: string[] = [];
  const chosen = choice.curve.find((c) => c.k === choice.k);
  const sil = chosen ? chosen.silhouette.toFixed(2) : "n/a";
  if (choice.structure === "none") {
    warnings.push(
      `No substantial cluster structure (silhouette ${sil} at k = ${choice.k}): the personas are cuts through a continuum of answers rather than natural groups; present them as a simplification.`,
    );
  } else if (choice.structure === "weak") {
    warnings.push(
      `Weak cluster structure (silhouette ${sil} at k = ${choice.k}): personas overlap; read their boundaries as soft.`,
    );
  }
  if (choice.reason === "no-eligible-k") warnings.push(choice.explanation);
  for (const p of personas) {
    const jaccard = jaccardText(p.stability);
    if (p.stability.label !== "stable") {
      warnings.push(
        `${p.name} is ${p.stability.label} under resampling (mean Jaccard ${jaccard}${p.stability.nearThreshold ? ", close to a label threshold" : ""}); it may not reappear in another sample.`,
      );
    } else if (p.stability.nearThreshold) {
      warnings.push(
        `${p.name} is only borderline stable under resampling (mean Jaccard ${jaccard}, against 0.75 for stable); treat it as less settled than the others.`,
      );
    }
    const minGroupN = params.minGroupN ?? MIN_GROUP_N;
    if (p.size < params.minPerPersona) {
      warnings.push(`${p.name} has only ${p.size} members; its statistics are unreliable.`);
    } else if (p.size < minGroupN) {
      warnings.push(
        `${p.name} has ${p.size} members, fewer than the ${minGroupN} a persona needs for its differences to count as evidence; its traits show as insufficient evidence.`,
      );
    }
    if (p.distinguishingTraitIds.length === 0) {
      warnings.push(
        `${p.name} has no distinguishing traits; its card says so instead of guessing.`,
      );
    } else if (!p.traits.some((t) => t.distinguishing && traitFamily(t) === "descriptive")) {
      warnings.push(
        `${p.name} differs only on the answers it was formed from: no other question sets it apart.`,
      );
    }
  }
  if (encoded.excluded.length > 0) {
    warnings.push(
      `${encoded.excluded.length} respondents skipped more than ${(params.maxMissingShare * 100).toFixed(0)} % of the segment questions and were not clustered.`,
    );
  }
  if (personas.some((p) => p.traits.some((t) => t.segmentInput && t.distinguishing))) {
    warnings.push(
      "The personas were formed from the segment questions, so differences on those answers are there by construction: they describe each persona but are not findings. Only differences on the other questions count as evidence, tested together with a false-discovery-rate correction.",
    );
  }
  return warnings;
}
