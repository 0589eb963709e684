// The analyze command infers its columns from tallies of the dictionary-coded CSV (each distinct
// cell once, with its count) instead of the cells one by one: the inference must be the same as
// from the rows themselves, blanks, missing tokens, padded numbers and repeats included.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { inferColumns, inferColumnsFromTallies } from "~/server/analysis/infer-columns";
import { createRng } from "~/server/analysis/rng";
import { columnTally, readCsv } from "~/server/cli/read-input";

const dir = mkdtempSync(join(tmpdir(), "persona-atlas-tally-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("column inference from tallies", () => {
  it("matches the inference from the rows one by one", async () => {
    const rng = createRng(3);
    const pick = <T>(items: readonly T[]): T => items[rng.int(items.length)] as T;
    const lines = ["respondent_id,rating,padded,channel,country,comment,age,sparse"];
    for (let i = 1; i <= 400; i++) {
      lines.push(
        [
          i,
          pick(["1", "2", "3", "4", "5", "NA"]),
          pick([" 2", "2", "3 ", "4", ""]),
          pick(["online", "dealer", " online", "friends"]),
          pick([
            "DE",
            "FR",
            "IT",
            "ES",
            "NL",
            "PL",
            "SE",
            "AT",
            "BE",
            "CH",
            "DK",
            "FI",
            "NO",
            "PT",
            "IE",
            "CZ",
            "HU",
            "GR",
            "RO",
            "BG",
            "HR",
            "SK",
          ]),
          `"note ${rng.int(1000)}, ${pick(["fine", "slow", "great"])}"`,
          String(18 + rng.int(60) + (rng.next() < 0.2 ? 0.5 : 0)),
          rng.next() < 0.9 ? "" : pick(["yes", "no", "n/a"]),
        ].join(","),
      );
    }
    const path = join(dir, "survey.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);

    const table = await readCsv(path);
    const fromTallies = inferColumnsFromTallies(table.header, table.rowCount, (column) =>
      columnTally(table, column),
    );
    const parsed = Papa.parse<Record<string, string>>(lines.join("\n"), { header: true });
    const fromRows = inferColumns(parsed.meta.fields ?? [], parsed.data);
    expect(fromTallies).toEqual(fromRows);
    // The data cover the cases: an id, a scale with a missing token, a text column, a vocabulary.
    const kinds = Object.fromEntries(fromRows.columns.map((c) => [c.column, c.kind]));
    expect(kinds).toMatchObject({
      respondent_id: "identifier",
      rating: "ordinal",
      comment: "text",
      country: "categorical",
    });
  });
});
