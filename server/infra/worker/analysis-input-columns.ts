// The analysis input as it crosses from the web process to the analysis child: one array per
// answer key instead of one object per response. The IPC serialiser writes every object's keys,
// so 100,000 responses of 13 answers were 1.3 million key strings, and serialising them in one
// send held the web process for about 1.5 s (bench/analysis-app.ts --cpu-prof, the parent's
// profile); a column writes its key once. A skipped answer is undefined in its column, as it is
// absent from the response: the engine reads the two alike (survey.ts, Answer).
import type { AnalysisOptions } from "~/server/analysis/pipeline-input";
import type { AnalysisInput, Answer, SurveyResponse } from "~/server/analysis/survey";

export interface ColumnarInput {
  questions: AnalysisInput["questions"];
  ids: string[];
  /** Answer keys, in the order first seen. */
  keys: string[];
  /** columns[k][row]: response row's answer to keys[k], undefined when it has none. */
  columns: Answer[][];
}

/**
 * What the web process sends the analysis child: the rows a slice at a time (each slice names its
 * own keys), then the questions and options with the order to run.
 */
export type ChildMessage =
  | { type: "rows"; rows: ColumnarInput }
  | { type: "run"; questions: AnalysisInput["questions"]; options: AnalysisOptions };

export function toColumnar(input: AnalysisInput): ColumnarInput {
  const n = input.responses.length;
  const keyIndex = new Map<string, number>();
  const columns: Answer[][] = [];
  const ids = new Array<string>(n);
  input.responses.forEach((response, row) => {
    ids[row] = response.id;
    for (const [key, value] of Object.entries(response.answers)) {
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = columns.length;
        keyIndex.set(key, k);
        // Filled, not holey: the serialiser writes a holey array element by element as properties.
        columns.push(new Array<Answer>(n).fill(undefined));
      }
      (columns[k] as Answer[])[row] = value;
    }
  });
  return { questions: input.questions, ids, keys: [...keyIndex.keys()], columns };
}

export function fromColumnar(input: ColumnarInput): AnalysisInput {
  const responses = input.ids.map((id, row): SurveyResponse => {
    const answers: Record<string, Answer> = {};
    input.keys.forEach((key, k) => {
      const value = (input.columns[k] as Answer[])[row];
      if (value !== undefined) answers[key] = value;
    });
    return { id, answers };
  });
  return { questions: input.questions, responses };
}
