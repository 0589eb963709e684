// Response import of a file made elsewhere, on a real database: a public-survey-style CSV with
// NA cells, free-typed categories and odd dates. Missing-value words are read as no answer in
// every kind of column (and the list is the researcher's to change); errors quote the cell and
// say what is allowed; the problem list says when it is cut; implausible dates are flagged;
// variant spellings get recode suggestions and "the rest" can go to Other; the bias report shows
// how skipping rows moves each option's share, before and after the import; a decimal comma in a
// number column is read where unambiguous. Nothing is stored before the import.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import {
  defaultMissingValues,
  maxListedErrors,
  preferNotToSay,
  type TImportMapping,
} from "~/server/domain/survey/response-import";
import {
  importResponses,
  previewResponseImport,
} from "~/server/features/responses/response-import";
import { makePublishedSurvey, type makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

const questions: TQuestionDefinitionInput[] = [
  {
    key: "gender",
    type: "SINGLE_CHOICE",
    text: { en: "Gender" },
    options: [
      { value: "male", label: { en: "Male" } },
      { value: "female", label: { en: "Female" } },
      { value: "nonbinary", label: { en: "Non-binary" } },
      { value: "other", label: { en: "Other" } },
    ],
  },
  {
    key: "arm",
    type: "SINGLE_CHOICE",
    text: { en: "Study arm" },
    options: [
      { value: "treatment", label: { en: "Treatment" } },
      { value: "control", label: { en: "Control" } },
    ],
  },
  { key: "years", type: "NUMBER", settings: { min: 0, max: 60 }, text: { en: "Years coding" } },
  {
    key: "tools",
    type: "MULTIPLE_CHOICE",
    text: { en: "Tools used" },
    options: [
      { value: "none", label: { en: "None" } },
      { value: "python", label: { en: "Python" } },
      { value: "r", label: { en: "R" } },
    ],
  },
  {
    key: "employment",
    type: "SINGLE_CHOICE",
    text: { en: "Employment" },
    options: [
      { value: "employed", label: { en: "Employed" } },
      { value: "student", label: { en: "Student" } },
      { value: "pnts", label: { en: "Prefer not to say" } },
    ],
  },
  {
    key: "satisfaction",
    type: "LIKERT",
    required: true,
    settings: { points: 5 },
    text: { en: "Satisfaction" },
  },
  { key: "comment", type: "LONG_TEXT", text: { en: "Comment" } },
];

const header =
  "Respondent,StartDate,Gender,Study arm,Years coding,Tools used,Employment,Satisfaction,Comment";
const now = new Date("2025-06-01T00:00:00Z");

let actor: Awaited<ReturnType<typeof makeWorkspaceWithOwner>>["actor"];
let surveyId: string;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  let survey: { id: string };
  ({ actor, survey } = await makePublishedSurvey(db, questions, {
    meta: { title: "Developer survey" },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  }));
  surveyId = survey.id;
});
afterAll(async () => close());

const preview = (csv: string, extra: Partial<Parameters<typeof previewResponseImport>[2]> = {}) =>
  previewResponseImport(db, actor, { surveyId, csv, ...extra }, now);

const storedAnswers = async () => {
  const answers = await db.answer.findMany({
    where: { response: { version: { surveyId } } },
    include: { question: { select: { key: true } } },
  });
  return answers.map((a) => ({ key: a.question.key, text: a.textValue, choices: a.choices }));
};

describe("CSV import of a file made elsewhere", () => {
  it("reads missing-value words as no answer in number, choice, date and text columns", async () => {
    const words = ["NA", "N/A", "n/a", "-", "null", "none", "", " NA "];
    const rows = words.map(
      (w, i) => `m-${i},${w},${w},${w},${w},${w},${w},${w === "" ? "" : (i % 5) + 1},${w}`,
    );
    // "None" is also an option of the tools question: there it stays an answer.
    rows.push("m-8,2025-03-01T10:00:00Z,Female,Control,NA,None,Prefer not to say,3,NA");
    const csv = [header, ...rows].join("\n");
    const first = await preview(csv);
    expect(first.options.missingValues).toEqual([...defaultMissingValues]);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({ rows: 9, valid: 9, invalid: 0 });
    // Only the required Likert question left empty is mentioned, as a warning.
    expect(new Set(first.warnings.map((w) => w.questionKey))).toEqual(new Set(["satisfaction"]));
    const last = first.rows.at(-1);
    expect(last?.answers).toEqual({
      gender: "female",
      arm: "control",
      tools: "none",
      employment: "pnts",
      satisfaction: "3",
    });
    for (const [i, w] of words.entries()) {
      const answered = Object.keys(first.rows[i]?.answers ?? {}).filter(
        (k) => k !== "satisfaction",
      );
      expect(answered).toEqual(w === "none" ? ["tools"] : []);
    }

    // The researcher marks "Prefer not to say" as no answer: it is left out although an option.
    const marked = await preview(csv, {
      options: { missingValues: [...defaultMissingValues, preferNotToSay] },
      mapping: first.mapping,
    });
    expect(marked.rows.at(-1)?.answers.employment).toBeUndefined();

    // Nothing is stored before the import; the import stores no "NA" anywhere.
    expect(await db.response.count({ where: { version: { surveyId } } })).toBe(0);
    const report = await importResponses(
      db,
      actor,
      { surveyId, csv, mapping: first.mapping, options: marked.options },
      now,
    );
    expect(report).toMatchObject({ refused: false, imported: 9 });
    const stored = await storedAnswers();
    const texts = stored.flatMap((a) => [a.text ?? "", ...a.choices]).filter(Boolean);
    expect(texts.filter((t) => words.includes(t.trim()))).toEqual(["none", "none"]);
    expect(stored.filter((a) => a.key === "employment")).toEqual([]);
    await db.response.deleteMany({ where: { version: { surveyId } } });
  });

  it("the missing-value list is the researcher's: without NA, NA is a number error", async () => {
    const csv = [header, "r-1,,,,NA,,,2,"].join("\n");
    const strict = await preview(csv, { options: { missingValues: ["-"] } });
    expect(strict.errors).toEqual([
      {
        row: 2,
        column: "Years coding",
        questionKey: "years",
        message: '"NA" is not a number. Allowed: a number from 0 to 60.',
        value: "NA",
        allowed: "a number from 0 to 60",
      },
    ]);
    await expect(preview(csv, { options: { missingValues: ["  "] } })).rejects.toThrow(
      /cannot be empty/,
    );
  });

  it("says when the problem list is cut, and flags implausible dates", async () => {
    const bad = maxListedErrors + 100;
    const rows = Array.from({ length: bad }, (_, i) => `b-${i},,,,${61 + i},,,1,`);
    rows.push(
      "d-1,1970-01-01T00:00:00Z,,,,,,1,",
      "d-2,2031-05-05,,,,,,1,",
      "d-3,2024-12-24,,,,,,1,",
      "d-4,1899-12-30,,,,,,1,",
    );
    const result = await preview([header, ...rows].join("\n"), {
      options: { missingValues: [...defaultMissingValues], collectedSince: "2025-01-01" },
    });
    expect(result.errors).toHaveLength(maxListedErrors);
    expect(result.totals.errors).toBe(bad);
    expect(result.counts.invalid).toBe(bad);
    expect(result.errors[0]?.message).toBe('"61" is out of range. Allowed: a number from 0 to 60.');
    const dateWarnings = result.warnings.filter((w) => w.column === "StartDate");
    expect(dateWarnings.map((w) => [w.row, w.value])).toEqual([
      [bad + 2, "1970-01-01T00:00:00Z"],
      [bad + 3, "2031-05-05"],
      [bad + 4, "2024-12-24"],
      [bad + 5, "1899-12-30"],
    ]);
    expect(dateWarnings[1]?.message).toMatch(/in the future/);
    expect(dateWarnings[2]?.message).toMatch(/before data collection began \(2025-01-01\)/);
    // Warnings do not stop a row.
    expect(result.counts.valid).toBe(4);
  });

  const genders = ["M", "male ", "Male", "F", "female.", "Femle", "nb", "woman", "Attack"];

  it("suggests recodes for variant spellings and maps the rest to Other on request", async () => {
    const rows = genders.map((g, i) => `g-${i},,${g},,,,,1,`);
    const csv = [header, ...rows].join("\n");
    const first = await preview(csv);
    const gender = first.recoding.find((c) => c.key === "gender");
    const where = Object.fromEntries(gender?.values.map((v) => [v.value, v.suggestion]) ?? []);
    expect(where).toEqual({
      M: "male",
      male: null,
      Male: null,
      F: "female",
      "female.": "female",
      Femle: "female",
      nb: "nonbinary",
      woman: null,
      Attack: null,
    });
    // The proposed mapping takes the suggestions; what has none is an error naming the options.
    const proposed = first.mapping.questions.find((m) => m.key === "gender");
    expect(proposed?.recode).toEqual({
      M: "male",
      F: "female",
      "female.": "female",
      Femle: "female",
      nb: "nonbinary",
    });
    expect(first.errors.map((e) => e.value)).toEqual(["woman", "Attack"]);
    expect(first.errors[0]?.allowed).toBe("one of Male, Female, Non-binary (nonbinary), Other");
    // All or nothing by default: refused, nothing stored.
    const refused = await importResponses(
      db,
      actor,
      { surveyId, csv, mapping: first.mapping },
      now,
    );
    expect(refused).toMatchObject({ refused: true, imported: 0 });
    expect(await db.response.count({ where: { version: { surveyId } } })).toBe(0);

    const mapping: TImportMapping = {
      ...first.mapping,
      questions: first.mapping.questions.map((m) =>
        m.key === "gender"
          ? { ...m, recode: { ...m.recode, woman: "female" }, otherOption: "other" }
          : m,
      ),
    };
    const second = await preview(csv, { mapping });
    expect(second.errors).toEqual([]);
    expect(second.rows.map((r) => r.answers.gender)).toEqual([
      "male",
      "male",
      "male",
      "female",
      "female",
      "female",
      "nonbinary",
      "female",
      "other",
    ]);
    const how = second.recoding.find((c) => c.key === "gender")?.values;
    expect(how?.find((v) => v.value === "Attack")).toMatchObject({ option: "other", how: "other" });
    expect(how?.find((v) => v.value === "woman")).toMatchObject({ how: "recoded" });
    // A recode to something that is not an option is refused before anything is read.
    const wrong = {
      ...mapping,
      questions: mapping.questions.map((m) =>
        m.key === "gender" ? { ...m, otherOption: "x" } : m,
      ),
    };
    await expect(preview(csv, { mapping: wrong })).rejects.toThrow(
      '"x" is not an option of the question "gender".',
    );
  });

  it("shows how skipping rows with problems changes each option's share", async () => {
    // Planted: 10 treatment and 10 control rows; 4 control rows have a gender that is no option.
    const treatment = 10;
    const control = 10;
    const broken = 4;
    const rows = [
      ...Array.from({ length: treatment }, (_, i) => `t-${i},,Male,Treatment,,,,1,`),
      ...Array.from(
        { length: control },
        (_, i) => `c-${i},,${i < broken ? "??" : "Female"},Control,,,,1,`,
      ),
    ];
    const csv = [header, ...rows].join("\n");
    const result = await preview(csv);
    const arm = result.bias.find((b) => b.key === "arm");
    expect(arm).toMatchObject({
      fileN: treatment + control,
      importedN: treatment + control - broken,
    });
    const share = (option: string) => arm?.shares.find((s) => s.option === option);
    expect(share("treatment")?.fileShare).toBeCloseTo(treatment / (treatment + control));
    expect(share("treatment")?.importedShare).toBeCloseTo(
      treatment / (treatment + control - broken),
    );
    expect(arm?.largestShift).toBeCloseTo(
      100 * (treatment / (treatment + control - broken) - treatment / (treatment + control)),
    );
    const gender = result.bias.find((b) => b.key === "gender");
    expect(gender?.unmatchedCount).toBe(broken);
    expect(gender?.shares.find((s) => s.option === "female")).toMatchObject({
      fileCount: control - broken,
      importedCount: control - broken,
    });
    // Skipping does what the report said.
    const report = await importResponses(
      db,
      actor,
      { surveyId, csv, mapping: result.mapping, mode: "skip-invalid" },
      now,
    );
    expect(report.imported).toBe(treatment + control - broken);
    const stored = (await storedAnswers()).filter((a) => a.key === "arm");
    expect(stored.filter((a) => a.text === "treatment")).toHaveLength(treatment);
    // The report after the import carries the same table, and its imported shares are what was
    // stored, counted directly.
    expect(report.bias).toEqual(result.bias);
    const reportedArm = report.bias.find((b) => b.key === "arm");
    expect(reportedArm?.importedN).toBe(stored.length);
    expect(reportedArm?.shares.find((s) => s.option === "treatment")?.importedShare).toBeCloseTo(
      stored.filter((a) => a.text === "treatment").length / stored.length,
    );
    await db.response.deleteMany({ where: { version: { surveyId } } });
  });

  it("reads a decimal comma in number columns where it can mean nothing else", async () => {
    const cells = [
      ["3,5", 3.5],
      ["12,25", 12.25],
      [" 7,0 ", 7],
      ["2.5", 2.5],
      ["0,1234", 0.1234],
    ] as const;
    const rows = cells.map(([years], i) => `d-${i},,,,"${years}",,,"4,0",`);
    // "1,000" may be one thousand or one: refused with a reason, not guessed.
    rows.push('d-amb,,,,"1,000",,,3,');
    const csv = [header, ...rows].join("\n");
    const result = await preview(csv);
    expect(result.counts).toMatchObject({ rows: cells.length + 1, invalid: 1 });
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: cells.length + 2,
        questionKey: "years",
        value: "1,000",
        message: expect.stringMatching(/thousands separator or with a decimal comma/),
      }),
    ]);
    expect(result.rows.slice(0, cells.length).map((r) => r.answers.years)).toEqual(
      cells.map(([, n]) => String(n)),
    );
    const report = await importResponses(
      db,
      actor,
      { surveyId, csv, mapping: result.mapping, mode: "skip-invalid" },
      now,
    );
    expect(report.imported).toBe(cells.length);
    const stored = await db.answer.findMany({
      where: {
        response: { version: { surveyId } },
        question: { key: { in: ["years", "satisfaction"] } },
      },
      include: { question: { select: { key: true } } },
    });
    expect(
      stored
        .filter((a) => a.question.key === "years")
        .map((a) => a.numberValue)
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual(cells.map(([, n]) => n).sort((a, b) => a - b));
    expect(
      stored.filter((a) => a.question.key === "satisfaction").map((a) => a.numberValue),
    ).toEqual(cells.map(() => 4));
    await db.response.deleteMany({ where: { version: { surveyId } } });
  });
});
