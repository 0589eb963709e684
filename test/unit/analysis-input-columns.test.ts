// The analysis child gets its input as columns (analysis-input-columns.ts); the engine must see
// the same responses the web process read: same ids in order, same answers, skipped ones absent.
import { describe, expect, it } from "vitest";
import type { AnalysisInput } from "~/server/analysis/survey";
import { fromColumnar, toColumnar } from "~/server/infra/worker/analysis-input-columns";

const input: AnalysisInput = {
  questions: [
    { id: "price", label: "Price", kind: "ordinal", role: "SEGMENT", min: 1, max: 5 },
    { id: "channel", label: "Channel", kind: "categorical", role: "SEGMENT", options: ["a", "b"] },
    { id: "extras", label: "Extras", kind: "multi", role: "OTHER", options: ["x", "y"] },
    { id: "say", label: "Say", kind: "text", role: "THOUGHT" },
  ],
  responses: [
    { id: "r1", answers: { price: 4, channel: "a", extras: ["x", "y"], say: "Fine." } },
    { id: "r2", answers: { channel: "b", extras: [] } },
    { id: "r3", answers: {} },
    { id: "r4", answers: { say: "Late delivery", price: 0, "grid.row1": 2 } },
  ],
};

describe("analysis input as columns", () => {
  it("gives back the same responses, skipped answers absent", () => {
    const columnar = toColumnar(input);
    expect(columnar.keys).toEqual(["price", "channel", "extras", "say", "grid.row1"]);
    expect(columnar.columns.every((c) => c.length === input.responses.length)).toBe(true);
    // Survives the structured clone the IPC channel applies.
    expect(fromColumnar(structuredClone(columnar))).toEqual(input);
  });

  it("writes each key once however many responses there are", () => {
    const many: AnalysisInput = {
      questions: input.questions,
      responses: Array.from({ length: 500 }, (_, i) => ({
        id: `r${i}`,
        answers: { price: (i % 5) + 1, say: `answer ${i}` },
      })),
    };
    const columnar = toColumnar(many);
    expect(columnar.keys).toEqual(["price", "say"]);
    expect(fromColumnar(columnar)).toEqual(many);
  });
});
