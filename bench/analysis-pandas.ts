// The reference pipeline for the million-row `analyze` budget: pandas + scikit-learn doing the
// steps our command does, on the very survey CSV the end-to-end bench writes. Read the CSV
// (pandas.read_csv), encode it (numeric columns mean-imputed and standardised, text columns
// one-hot with blanks as all-zero rows), KMeans for k = 2..8 with 3 inits each, the silhouette of
// every k on a 10k-row sample, keep the best k, and score it against the planted personas (ARI).
// It runs in a process of its own; the script times itself from before the read to after the
// score (imports excluded, as our command's time excludes Node's start) and reports its peak RSS.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const PANDAS_PIPELINE_SCRIPT = `
import json, resource, sys, time
import numpy as np
import pandas as pd
from sklearn import __version__ as sklearn_version
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler
csv_path, truth_path, id_column = sys.argv[1], sys.argv[2], sys.argv[3]
threads = None
try:
    from threadpoolctl import threadpool_info
    threads = max((p.get("num_threads") or 0) for p in threadpool_info())
except Exception:
    pass
start_wall, start_cpu = time.perf_counter(), time.process_time()
df = pd.read_csv(csv_path)
df = df.drop(columns=[id_column])
numeric = df.select_dtypes("number")
text = df.drop(columns=numeric.columns)
scaled = StandardScaler().fit_transform(numeric.fillna(numeric.mean()).to_numpy())
onehot = pd.get_dummies(text, dtype=np.float64).to_numpy()
X = np.hstack([scaled, onehot])
n_rows, n_cols = X.shape
del df, numeric, text, scaled, onehot
read_encode_s = time.perf_counter() - start_wall
sample = np.random.default_rng(0).choice(n_rows, size=min(10000, n_rows), replace=False)
curve, best = [], None
for k in range(2, 9):
    km = KMeans(n_clusters=k, n_init=3, random_state=0).fit(X)
    s = float(silhouette_score(X[sample], km.labels_[sample]))
    curve.append({"k": k, "silhouette": round(s, 4)})
    if best is None or s > best[1]:
        best = (k, s, km.labels_)
truth = np.fromfile(truth_path, dtype="<i4")
ari = float(adjusted_rand_score(truth, best[2]))
wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
print(json.dumps({
    "pandas": pd.__version__, "sklearn": sklearn_version, "threads": threads,
    "rows": int(n_rows), "encodedCols": int(n_cols),
    "wallMs": round(wall * 1000, 1), "cpuMs": round(cpu * 1000, 1),
    "readEncodeMs": round(read_encode_s * 1000, 1),
    "chosenK": best[0], "curve": curve, "ariToPlanted": round(ari, 4),
    "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
`;

/** Runs the pandas pipeline on `csv` (truth: one little-endian int32 persona per row). */
export function runPandasPipeline(
  python: string,
  dir: string,
  csv: string,
  truth: string,
  idColumn: string,
): Record<string, unknown> {
  const script = join(dir, "pandas_pipeline.py");
  writeFileSync(script, PANDAS_PIPELINE_SCRIPT);
  const result = spawnSync(python, [script, csv, truth, idColumn], {
    encoding: "utf8",
    timeout: 60 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) {
    return { failed: true, reason: (result.stderr ?? String(result.error)).slice(-500) };
  }
  return { python, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
}
