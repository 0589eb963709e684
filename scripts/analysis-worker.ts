// Child process that runs the persona engine for the app: receives the input over IPC, a slice
// of rows at a time, reports progress, sends back the result. Keeping the CPU-heavy work here keeps the web server
// responsive, lets a run be cancelled by ending the process, and leaves the database to the
// parent (the embedded database allows one process).
import { runAnalysis } from "~/server/analysis/pipeline";
import { AnalysisInputError } from "~/server/analysis/pipeline-input";
import { ZAnalysisResult } from "~/server/analysis/result";
import type { SurveyResponse } from "~/server/analysis/survey";
import { fromColumnar, type ChildMessage } from "~/server/infra/worker/analysis-input-columns";

// The rows arrive a slice at a time (see sendInSlices), then the order to run.
const responses: SurveyResponse[] = [];

process.on("message", (message: ChildMessage) => {
  if (message.type === "rows") {
    for (const response of fromColumnar(message.rows).responses) responses.push(response);
    return;
  }
  const job = { input: { questions: message.questions, responses }, options: message.options };
  try {
    const result = runAnalysis(job.input, job.options, (progress) =>
      process.send?.({ type: "progress", ...progress }),
    );
    // Checked against the stored schema here rather than in the web process, which only stores
    // it: parsing a large result there would hold every other request of that process.
    process.send?.({ type: "result", result: ZAnalysisResult.parse(result) }, () =>
      process.exit(0),
    );
  } catch (error) {
    const known = error instanceof AnalysisInputError;
    process.send?.(
      {
        type: "error",
        known,
        message: error instanceof Error ? error.message : String(error),
      },
      () => process.exit(known ? 0 : 1),
    );
  }
});
