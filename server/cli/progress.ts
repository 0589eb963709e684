// Progress on stderr, so stdout stays the readable summary: a redrawn bar on a terminal, one
// plain line per phase when stderr is a file or pipe (logs should not fill with \r frames).
import type { AnalysisProgress } from "~/server/analysis/pipeline-input";

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

const WIDTH = 24;

export function createProgress(sink: ProgressSink): {
  update: (p: AnalysisProgress) => void;
  done: () => void;
} {
  let lastPhase: string | null = null;
  let drawn = false;
  return {
    update(p) {
      const percent = Math.max(0, Math.min(100, Math.round(p.percent)));
      if (sink.isTTY) {
        const filled = Math.round((percent / 100) * WIDTH);
        sink.write(
          `\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(percent).padStart(3)} % ${p.phase.padEnd(10)}`,
        );
        drawn = true;
      } else if (p.phase !== lastPhase || percent === 100) {
        sink.write(`progress: ${p.phase} ${percent} %\n`);
      }
      lastPhase = p.phase;
    },
    done() {
      if (drawn) sink.write("\n");
    },
  };
}
