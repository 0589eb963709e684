// Journey cell comment keys: every cell reference survives writing and reading its key, and keys
// of another shape (wrong part count, unknown measure, bad persona or id) read as no cell.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  journeyCellAspects,
  journeyCellKey,
  parseJourneyCellKey,
} from "~/server/domain/journey-cell-key";

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

describe("journey cell keys", () => {
  it("reads back every cell reference it wrote", () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
        id,
        fc.constantFrom(...journeyCellAspects),
        (mapId, runId, personaIndex, stageId, aspect) => {
          const ref = { mapId, runId, personaIndex, stageId, aspect };
          expect(parseJourneyCellKey(journeyCellKey(ref))).toEqual(ref);
        },
      ),
    );
  });

  it("writes the documented shape", () => {
    expect(
      journeyCellKey({ mapId: "m1", runId: "r1", personaIndex: 2, stageId: "s1", aspect: "pain" }),
    ).toBe("m1:r1:p2:s1:pain");
    expect(
      journeyCellKey({
        mapId: "m1",
        runId: "r1",
        personaIndex: null,
        stageId: "s1",
        aspect: "emotion",
      }),
    ).toBe("m1:r1:all:s1:emotion");
  });

  it("reads keys of any other shape as no cell", () => {
    for (const key of [
      "",
      "m1:r1:p2:s1",
      "m1:r1:p2:s1:pain:extra",
      "m1:r1:p2:s1:price",
      "m1:r1:persona2:s1:pain",
      "m1:r1:p-1:s1:pain",
      "m 1:r1:p2:s1:pain",
      "m1::p2:s1:pain",
    ]) {
      expect(parseJourneyCellKey(key), key).toBeNull();
    }
  });
});
