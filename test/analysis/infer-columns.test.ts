// Inferring question definitions from a bare CSV: kinds, the researcher-style default roles
// (ratings and single-choice questions cluster, demographics describe, sparsely answered and
// many-option questions are profiled), the fallbacks, and the --segment / --demographic overrides
// with their errors.
import { describe, expect, it } from "vitest";
import { inferColumns } from "~/server/analysis/infer-columns";
import { applyRoleOverrides, ColumnError } from "~/server/analysis/infer-roles";
import { humanise } from "~/server/analysis/infer-column-kind";
import { createRng } from "~/server/analysis/rng";

type Row = Record<string, string>;

/** A survey export: id, three 1-5 ratings, a 0-10 score, demographics, an outcome, text. */
function surveyRows(n: number): { header: string[]; rows: Row[] } {
  const rng = createRng(3);
  const header = [
    "respondent_id",
    "ease",
    "speed",
    "support",
    "nps",
    "Gender",
    "age",
    "customer_type",
    "spend",
    "renewed",
    "comment",
    "blank",
  ];
  const rows = Array.from({ length: n }, (_, i) => ({
    respondent_id: `R-${1000 + i}`,
    ease: String(1 + rng.int(5)),
    speed: String(1 + rng.int(5)),
    support: i % 10 === 0 ? "NA" : String(1 + rng.int(5)),
    nps: String(rng.int(11)),
    Gender: ["Female", "Male", "Other"][rng.int(3)] as string,
    age: String(18 + rng.int(60)),
    customer_type: rng.next() < 0.5 ? "new" : "returning",
    spend: (rng.next() * 200).toFixed(2),
    renewed: rng.next() < 0.5 ? "yes" : "no",
    comment: `I think the product is fine number ${i} because ${rng.int(1000)}`,
    blank: "",
  }));
  return { header, rows };
}

describe("inferColumns", () => {
  const { header, rows } = surveyRows(80);
  const inference = inferColumns(header, rows);
  const col = (name: string) => inference.columns.find((c) => c.column === name);

  it("infers kinds", () => {
    expect(inference.idColumn).toBe("respondent_id");
    expect(col("respondent_id")?.kind).toBe("identifier");
    expect(col("ease")).toMatchObject({ kind: "ordinal", min: 1, max: 5 });
    expect(col("nps")).toMatchObject({ kind: "ordinal", min: 0, max: 10 });
    expect(col("support")?.answered).toBe(72); // "NA" counts as no answer
    expect(col("age")?.kind).toBe("numeric");
    expect(col("spend")?.kind).toBe("numeric");
    expect(col("Gender")).toMatchObject({
      kind: "categorical",
      options: ["Female", "Male", "Other"],
    });
    expect(col("comment")?.kind).toBe("text");
    expect(col("blank")?.kind).toBe("empty");
  });

  it("clusters on ratings and single-choice questions and lets demographics describe", () => {
    const role = (id: string) => inference.questions.find((q) => q.id === id)?.role;
    for (const id of ["ease", "speed", "support", "nps"]) expect(role(id)).toBe("SEGMENT");
    for (const id of ["Gender", "age", "customer_type"]) expect(role(id)).toBe("DEMOGRAPHIC");
    expect(role("spend")).toBe("OTHER");
    // A closed single-choice question is a segment input, weighed like any other question.
    expect(role("renewed")).toBe("SEGMENT");
    expect(role("comment")).toBe("THOUGHT");
    expect(inference.questions.some((q) => q.id === "respondent_id" || q.id === "blank")).toBe(
      false,
    );
    expect(inference.questions.find((q) => q.id === "ease")?.label).toBe("Ease");
  });

  it("summarises what it inferred and how to override it", () => {
    const text = inference.summary.join("\n");
    expect(text).toContain("Respondent id: respondent_id.");
    expect(text).toMatch(/Segment inputs \(clustered on\): ease \(1–5\), speed/);
    expect(text).toMatch(/Demographics \(describe personas\): Gender/);
    expect(text).toContain("--segment");
    expect(text).toMatch(/Ignored: blank/);
  });

  it("falls back to non-demographic columns when there are no rating scales", () => {
    const noRatings = header.filter((h) => !["ease", "speed", "support", "nps"].includes(h));
    const result = inferColumns(noRatings, rows);
    const segment = result.questions.filter((q) => q.role === "SEGMENT").map((q) => q.id);
    expect(segment).toEqual(["spend", "renewed"]);
    expect(result.summary.join(" ")).toMatch(/No rating-scale columns/);
  });

  it("recognises a row counter and unique codes as identifiers", () => {
    const counter = inferColumns(
      ["n", "a"],
      Array.from({ length: 30 }, (_, i) => ({ n: String(i + 1), a: String(i % 5) })),
    );
    expect(counter.idColumn).toBe("n");
    expect(counter.columns[1]?.kind).toBe("ordinal");
  });

  it("applies --segment and --demographic", () => {
    const result = inferColumns(header, rows, {
      segment: ["ease", "spend"],
      demographic: ["renewed"],
    });
    const role = (id: string) => result.questions.find((q) => q.id === id)?.role;
    expect(role("ease")).toBe("SEGMENT");
    expect(role("spend")).toBe("SEGMENT");
    expect(role("speed")).toBe("OTHER");
    expect(role("renewed")).toBe("DEMOGRAPHIC");
    expect(result.summary.join(" ")).not.toContain("These are guesses");
  });

  it("rejects unknown, unusable and conflicting override columns", () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        if (e instanceof ColumnError) return [e.code, e.message];
        throw e;
      }
      return null;
    };
    expect(code(() => inferColumns(header, rows, { segment: ["ease", "nope"] }))).toEqual([
      "unknown-column",
      "Unknown column in --segment: nope.",
    ]);
    expect(code(() => inferColumns(header, rows, { demographic: ["x", "y"] }))?.[1]).toBe(
      "Unknown columns in --demographic: x, y.",
    );
    expect(code(() => inferColumns(header, rows, { segment: ["comment"] }))?.[0]).toBe(
      "unusable-column",
    );
    expect(code(() => inferColumns(header, rows, { segment: ["respondent_id"] }))?.[1]).toMatch(
      /is an identifier/,
    );
    expect(
      code(() =>
        applyRoleOverrides(inference.questions, { segment: ["age"], demographic: ["age"] }),
      )?.[0],
    ).toBe("conflicting-roles");
  });

  it("takes short answers from a limited vocabulary as categorical, not free text", () => {
    const rng = createRng(11);
    const countries = Array.from({ length: 100 }, (_, i) => `Country ${i + 1}`);
    const hobbies = Array.from({ length: 60 }, (_, i) => `Hobby number ${i + 1}`);
    const vocab = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i + 1),
      country_of_citizenship: countries[Math.floor(100 * rng.next() ** 2)] as string,
      hobby: hobbies[rng.int(60)] as string,
      ease: String(1 + rng.int(5)),
      comment: `Answer ${i} with its own words ${rng.int(100_000)}`,
    }));
    const result = inferColumns(
      ["id", "country_of_citizenship", "hobby", "ease", "comment"],
      vocab,
    );
    const c = (name: string) => result.columns.find((x) => x.column === name);
    expect(c("country_of_citizenship")?.kind).toBe("categorical");
    expect(c("country_of_citizenship")?.role).toBe("DEMOGRAPHIC");
    expect(c("hobby")?.kind).toBe("categorical");
    // Too many options to cluster on: profiled, and the summary says why.
    expect(c("hobby")?.role).toBe("OTHER");
    expect(result.summary.join("\n")).toMatch(/more than 20 options: hobby \(60\)/);
    expect(c("comment")?.kind).toBe("text");
    expect(result.questions.filter((q) => q.role === "THOUGHT").map((q) => q.id)).toEqual([
      "comment",
    ]);
  });

  it("does not cluster on questions that most respondents skipped", () => {
    const rng = createRng(12);
    const sparseRows = Array.from({ length: 400 }, () => ({
      ease: String(1 + rng.int(5)),
      speed: String(1 + rng.int(5)),
      channel: ["web", "app", "phone"][rng.int(3)] as string,
      // Answered by about 40 % and 65 %: below the 70 % bar.
      extra_rating: rng.next() < 0.4 ? String(1 + rng.int(5)) : "",
      upgrade_reason: rng.next() < 0.65 ? (["price", "features"][rng.int(2)] as string) : "NA",
    }));
    const header = ["ease", "speed", "channel", "extra_rating", "upgrade_reason"];
    const result = inferColumns(header, sparseRows);
    const role = (id: string) => result.questions.find((q) => q.id === id)?.role;
    expect(["ease", "speed", "channel"].map(role)).toEqual(["SEGMENT", "SEGMENT", "SEGMENT"]);
    expect(role("extra_rating")).toBe("OTHER");
    expect(role("upgrade_reason")).toBe("OTHER");
    expect(result.summary.join("\n")).toMatch(
      /fewer than 70 % of respondents answered: extra_rating \(\d+ % answered\), upgrade_reason/,
    );
    // Declaring it a segment input still works.
    const forced = inferColumns(header, sparseRows, { segment: ["ease", "extra_rating"] });
    expect(forced.questions.find((q) => q.id === "extra_rating")?.role).toBe("SEGMENT");
    expect(forced.summary.join("\n")).not.toMatch(/answered: extra_rating/);
  });

  it("humanises snake_case names", () => {
    expect(humanise("inflight_wifi_service")).toBe("Inflight wifi service");
    expect(humanise("Gender")).toBe("Gender");
  });
});
