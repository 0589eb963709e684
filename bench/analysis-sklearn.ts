// scikit-learn for the k-means benchmark (bench/analysis.ts): finding a python3 that has it (and
// pandas), installing Debian's packages when running as root, and the two Python runs: a plain
// KMeans fit of the planted matrix, and the end-to-end comparison script of bench/analysis-e2e.ts
// on the matrix our engine clustered.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SKLEARN_SURVEY_SCRIPT } from "./analysis-e2e";
import { COLS, progress } from "./analysis-shared";

const PYTHON_SCRIPT = `
import json, resource, sys, time
import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
x_path, y_path, n, d, k, n_init = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
X = np.fromfile(x_path, dtype="<f8").reshape(n, d)
y = np.fromfile(y_path, dtype="<i4")
threads = None
try:
    from threadpoolctl import threadpool_info
    threads = max((p.get("num_threads") or 0) for p in threadpool_info())
except Exception:
    pass
start_wall, start_cpu = time.perf_counter(), time.process_time()
km = KMeans(n_clusters=k, n_init=n_init, init="k-means++", algorithm="lloyd", random_state=0).fit(X)
wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
print(json.dumps({
    "version": sklearn_version, "threads": threads, "nInit": n_init,
    "wallMs": round(wall * 1000, 1), "cpuMs": round(cpu * 1000, 1),
    "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
    "ariToTruth": round(float(adjusted_rand_score(y, km.labels_)), 4),
    "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
`;

/** A python3 that can import scikit-learn and pandas: $PYTHON, python3 on the PATH, or Debian's. */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3"].filter(
    (c): c is string => typeof c === "string" && c.length > 0,
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import sklearn, numpy, pandas"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return null;
}

/**
 * findPython, and when no python3 has scikit-learn and pandas: install Debian's python3-sklearn and
 * python3-pandas with apt-get if running as root (a few minutes), else skip with the reason.
 */
export function findOrInstallPython(): string | null {
  const found = findPython();
  if (found) {
    progress(`scikit-learn via ${found}`);
    return found;
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"], { encoding: "utf8" }).status === 0;
  if (!root || !apt) {
    progress(
      `scikit-learn: no python3 with scikit-learn and pandas found and ${root ? "no apt-get" : "not root"}; its figures are skipped (install python3-sklearn and python3-pandas, or set PYTHON to a python3 that has them)`,
    );
    return null;
  }
  progress(
    "scikit-learn or pandas: not found; installing python3-sklearn python3-pandas with apt-get",
  );
  const install = spawnSync(
    "apt-get",
    ["install", "-y", "--no-install-recommends", "python3-sklearn", "python3-pandas"],
    {
      encoding: "utf8",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 20 * 60_000,
    },
  );
  const after = install.status === 0 ? findPython() : null;
  progress(
    after
      ? `scikit-learn via ${after}`
      : `scikit-learn: apt-get install failed, its figures are skipped: ${install.stderr.slice(-300)}`,
  );
  return after;
}

export function runSklearnSurvey(python: string, dir: string, ours: Record<string, unknown>) {
  const script = join(dir, "sklearn_survey.py");
  writeFileSync(script, SKLEARN_SURVEY_SCRIPT);
  const result = spawnSync(
    python,
    [script, dir, String(ours.encodedRows), String(ours.encodedCols), String(ours.chosenK)],
    { encoding: "utf8", timeout: 60 * 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    progress(`  sklearn failed: ${result.stderr.slice(-2000)}`);
    return { failed: true, reason: result.stderr.slice(-500) };
  }
  return { python, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
}

export function runSklearn(python: string, dir: string, n: number, k: number) {
  const script = join(dir, "sklearn_kmeans.py");
  writeFileSync(script, PYTHON_SCRIPT);
  const result = spawnSync(
    python,
    [script, join(dir, "x.f64"), join(dir, "y.i32"), String(n), String(COLS), String(k), "10"],
    { encoding: "utf8", timeout: 30 * 60_000 },
  );
  if (result.status !== 0) {
    progress(`  sklearn failed: ${result.stderr.slice(-2000)}`);
    return { failed: true, reason: result.stderr.slice(-500) };
  }
  return { python, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
}
