// The end-to-end part of the analysis benchmark: a planted survey CSV (server/analysis/synthetic.ts
// plantedSurveyRows: four personas of 40/30/20/10 %, agreement items, choice questions, age,
// trips, a random rating, a random colour, 3 % blanks) goes through the `analyze` command exactly
// as a user runs it (column inference, default inputs, automatic k) to personas.json. Measured in
// a child process of its own: wall time, CPU time and peak memory of the whole command, and the
// adjusted Rand index of the personas against the planted ones. Afterwards, outside the measured
// span, the child re-encodes the clustered respondents with the run's stored encoding so that
// scikit-learn can fit the very matrix our engine clustered (inertia against inertia).
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { encodeWithSpec } from "~/server/analysis/encode";
import { type ResolvedFeature } from "~/server/analysis/encode-types";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { ZAnalysisResult } from "~/server/analysis/result";
import { PLANTED_SURVEY_HEADER, plantedSurveyRows } from "~/server/analysis/planted-survey";
import { responsesFromColumns } from "~/server/analysis/table-input";
import { runAnalyzeCli } from "~/server/cli/analyze";
import { readCsv } from "~/server/cli/read-input";

export const SURVEY_CSV = "survey.csv";
export const SURVEY_TRUTH = "survey-personas.i32";
export const ENCODED_MATRIX = "encoded.f64";
export const ENCODED_TRUTH = "encoded-personas.i32";

/** Writes the planted survey CSV and the persona of each row, streaming (1M rows ≈ 110 MB). */
export async function writePlantedSurvey(dir: string, n: number, seed: number): Promise<void> {
  const out = createWriteStream(join(dir, SURVEY_CSV));
  const personas = new Int32Array(n);
  out.write(`${PLANTED_SURVEY_HEADER.join(",")}\n`);
  let i = 0;
  let chunk = "";
  for (const row of plantedSurveyRows({ seed, n })) {
    personas[i++] = row.persona;
    chunk += `${PLANTED_SURVEY_HEADER.map((h) => row.cells[h] ?? "").join(",")}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  writeFileSync(join(dir, SURVEY_TRUTH), personas);
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024);

/** Child process: run the CLI on the CSV, then score it and write the encoded matrix. */
export async function runEndToEndChild(
  dir: string,
  seed: number,
): Promise<Record<string, unknown>> {
  const csv = join(dir, SURVEY_CSV);
  const outDir = join(dir, "analysis-out");
  let stdout = "";
  let stderr = "";
  const wall = performance.now();
  const cpu = cpuMs();
  const code = await runAnalyzeCli([csv, "--out", outDir, "--seed", String(seed)], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd: dir,
  });
  const wallMs = round(performance.now() - wall);
  const spentCpuMs = round(cpuMs() - cpu);
  const peak = peakRssMb();
  if (code !== 0) return { failed: true, reason: stderr.slice(-1000) };

  const result = ZAnalysisResult.parse(
    JSON.parse(readFileSync(join(outDir, "personas.json"), "utf8")),
  );
  const truthAll = new Int32Array(new Uint8Array(readFileSync(join(dir, SURVEY_TRUTH))).buffer);
  // Ids are R0000001.. in CSV order.
  const rowOf = (id: string): number => Number(id.slice(1)) - 1;
  const found = new Int32Array(truthAll.length).fill(-1);
  for (const p of result.personas) for (const id of p.memberIds) found[rowOf(id)] = p.index;
  const clusteredRows: number[] = [];
  for (let i = 0; i < found.length; i++) if ((found[i] as number) >= 0) clusteredRows.push(i);
  const ari = adjustedRandIndex(
    clusteredRows.map((i) => truthAll[i] as number),
    clusteredRows.map((i) => found[i] as number),
  );

  // The matrix our engine clustered, rebuilt from the stored encoding (not measured).
  const table = await readCsv(csv);
  const responses = responsesFromColumns(
    table,
    result.input.questions.map((question) => ({ question, column: question.id })),
    { idColumn: "respondent_id" },
  );
  const excluded = new Set(result.encoding.excludedResponseIds);
  const kept = responses.filter((r) => !excluded.has(r.id));
  const features = result.encoding.features as ResolvedFeature[];
  const matrix = encodeWithSpec(
    features,
    kept.map((r) => r.answers),
  );
  const cols = matrix[0]?.length ?? 0;
  const flat = new Float64Array(matrix.length * cols);
  matrix.forEach((row, i) => flat.set(row, i * cols));
  writeFileSync(join(dir, ENCODED_MATRIX), flat);
  writeFileSync(
    join(dir, ENCODED_TRUTH),
    Int32Array.from(kept, (r) => truthAll[rowOf(r.id)] as number),
  );

  return {
    wallMs,
    cpuMs: spentCpuMs,
    peakRssMb: peak,
    respondents: result.input.respondents,
    clustered: result.encoding.clustered,
    segmentQuestions: result.encoding.segmentQuestionIds,
    weighting: result.encoding.weighting ?? "range",
    chosenK: result.metrics.chosenK,
    reason: result.metrics.reason,
    curve: result.metrics.curve.map((c) => ({ k: c.k, silhouette: c.silhouette })),
    inertia: result.metrics.inertia,
    ariToPlanted: round(ari, 4),
    encodedRows: matrix.length,
    encodedCols: cols,
  };
}

/**
 * scikit-learn on the same survey: KMeans(n_init=10) on the matrix our engine clustered at our
 * chosen k (inertia and ARI), and, as the plain baseline, on every column one-hot encoded or
 * mean-imputed and standardised (StandardScaler) at the planted k = 4.
 */
export const SKLEARN_SURVEY_SCRIPT = `
import csv, json, resource, sys, time
import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler
d, rows, cols, k = sys.argv[1], *map(int, sys.argv[2:5])
X = np.fromfile(d + "/${ENCODED_MATRIX}", dtype="<f8").reshape(rows, cols)
y = np.fromfile(d + "/${ENCODED_TRUTH}", dtype="<i4")
t = time.perf_counter()
km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
same = {"k": k, "wallMs": round((time.perf_counter() - t) * 1000, 1), "inertia": float(km.inertia_),
        "ariToPlanted": round(float(adjusted_rand_score(y, km.labels_)), 4)}
del X
with open(d + "/${SURVEY_CSV}", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    columns = list(zip(*reader))
truth = np.fromfile(d + "/${SURVEY_TRUTH}", dtype="<i4")
blocks = []
for name, values in zip(header, columns):
    if name == "respondent_id":
        continue
    v = np.array(values)
    present = v != ""
    try:
        x = np.full(len(v), np.nan)
        x[present] = v[present].astype(float)
        x[~present] = np.nanmean(x)
        blocks.append(x[:, None])
    except ValueError:
        options, codes = np.unique(v[present], return_inverse=True)
        onehot = np.zeros((len(v), len(options)))
        onehot[np.flatnonzero(present), codes] = 1.0
        onehot[~present] = onehot[present].mean(axis=0)
        blocks.append(onehot)
Z = StandardScaler().fit_transform(np.hstack(blocks))
t = time.perf_counter()
plain = KMeans(n_clusters=4, n_init=10, random_state=0).fit(Z)
print(json.dumps({"sameMatrix": same, "plainOneHotScaled": {
    "k": 4, "cols": int(Z.shape[1]), "wallMs": round((time.perf_counter() - t) * 1000, 1),
    "ariToPlanted": round(float(adjusted_rand_score(truth, plain.labels_)), 4)},
    "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
`;
