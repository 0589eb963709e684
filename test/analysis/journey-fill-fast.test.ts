// The columnar journey fill (positions, typed columns, tallied pain tests, quick input check) must
// give exactly what the plain per-respondent fill gives (journey-fill-reference.ts): same cells,
// same pain tests to the last bit, same changes, moments, gaps and warnings, and the same error
// for the same bad input. Inputs are seeded planted journeys made awkward on purpose: two pain
// questions on different scales at one stage, unreadable and out-of-range answers, respondents in
// no persona, members without a response, shuffled member lists and personas out of index order.
import { describe, expect, it } from "vitest";
import { fillJourney } from "~/server/analysis/journey/fill";
import type { TJourneyFillInput } from "~/server/analysis/journey/input";
import { painTest, painTestFromTallies } from "~/server/analysis/journey/pain";
import { checkFillInput } from "~/server/analysis/journey/validate";
import { createRng } from "~/server/analysis/rng";
import { referenceFill, referenceParse, type FillEvidence } from "./journey-fill-reference";
import { plantedJourney } from "./journey-planted";

function evidence(input: TJourneyFillInput): FillEvidence {
  const fill = fillJourney(input);
  return {
    personas: fill.personas,
    respondents: fill.respondents,
    questions: fill.questions,
    cells: fill.cells,
    emotionChanges: fill.emotionChanges,
    moments: fill.moments,
    gaps: fill.gaps,
    painTests: fill.painTests,
    warnings: fill.warnings,
  };
}

function awkwardJourney(seed: number): TJourneyFillInput {
  const rng = createRng(seed);
  const base = plantedJourney({ seed, sizes: [150, 120, 45] });
  const questions = [
    ...base.questions,
    {
      id: "pain_extra",
      label: "How hard was the paperwork?",
      stageId: "st-purchase",
      role: "PAIN" as const,
      type: "LIKERT" as const,
      scale: { min: 1, max: 7 },
    },
    {
      id: "emo_number",
      label: "Mood as a number",
      stageId: "st-comparing",
      role: "EMOTION" as const,
      type: "NUMBER" as const,
    },
    {
      id: "goal_text",
      label: "What did you hope for?",
      stageId: "st-post",
      role: "GOAL" as const,
      type: "LONG_TEXT" as const,
    },
    {
      id: "goal_rating",
      label: "How much does a low price matter?",
      stageId: "st-comparing",
      role: "GOAL" as const,
      type: "RATING" as const,
    },
  ];
  const hopes = ["A fair price and no hidden fees.", "A quick handover.", "NA", ""];
  const responses = base.responses.map((r) => {
    const answers: Record<string, string | number | null> = {
      ...(r.answers as Record<string, string | number>),
    };
    const u = rng.next();
    answers.pain_extra =
      u < 0.05
        ? "abc"
        : u < 0.1
          ? 9
          : u < 0.15
            ? ""
            : u < 0.2
              ? ` ${1 + rng.int(7)} `
              : 1 + rng.int(7);
    answers.emo_number = rng.int(5) - 2;
    answers.goal_text = hopes[rng.int(hopes.length)] as string;
    answers.goal_rating = rng.next() < 0.1 ? null : rng.int(11);
    if (rng.next() < 0.05) answers.emo_1 = 7; // outside −2..+2: skipped and counted
    if (rng.next() < 0.05) delete answers.pain_0;
    return { id: r.id, answers };
  });
  const personas = base.personas.map((p) => {
    // About a tenth of each persona left unclustered, the rest shuffled, plus members that have
    // no response and one listed twice.
    const kept = p.memberResponseIds.filter(() => rng.next() >= 0.1);
    const shuffled = rng.shuffle(kept);
    return {
      ...p,
      memberResponseIds: [...shuffled, `gone-${p.index}-1`, `gone-${p.index}-2`, kept[0] ?? ""],
    };
  });
  return { ...base, questions, responses, personas: personas.reverse() };
}

/**
 * One emotion and one pain question on fine scales: more distinct answers than a byte of codes
 * holds, so those columns switch from codes to whole values part-way through the read.
 */
function fineScaleJourney(seed: number): TJourneyFillInput {
  const rng = createRng(seed);
  const base = plantedJourney({ seed, sizes: [150, 120, 45] });
  const fine = { emo_1: { min: 0, max: 1000 }, pain_2: { min: 0, max: 10000 } } as const;
  const questions = base.questions.map((q) =>
    q.id in fine ? { ...q, type: "NUMBER" as const, scale: fine[q.id as keyof typeof fine] } : q,
  );
  const responses = base.responses.map((r) => {
    const u = rng.next();
    return {
      id: r.id,
      answers: {
        ...r.answers,
        // Hundredths of the scale (a few at the top, some out of range), and whole numbers.
        emo_1: u < 0.05 ? 1000 : u < 0.08 ? 1001 : Math.round(rng.next() * 100000) / 100,
        pain_2: u < 0.1 ? 10000 : rng.int(10001),
      },
    };
  });
  return { ...base, questions, responses };
}

describe("the columnar fill equals the plain per-respondent fill", () => {
  it("the fine-scale input has more distinct answers than a byte holds", () => {
    const input = fineScaleJourney(6);
    for (const id of ["emo_1", "pain_2"])
      expect(new Set(input.responses.map((r) => r.answers[id])).size).toBeGreaterThan(255);
  });

  for (const [name, input] of [
    ["fine-scale answers, seed 6", fineScaleJourney(6)],
    ["planted journey, seed 11", plantedJourney({ seed: 11 })],
    ["planted journey with a thin persona", plantedJourney({ seed: 5, sizes: [120, 100, 12] })],
    ["awkward journey, seed 3", awkwardJourney(3)],
    ["awkward journey, seed 8", awkwardJourney(8)],
  ] as const) {
    it(
      name,
      () => {
        const fast = evidence(input);
        const reference = referenceFill(input);
        // JSON text: same keys in the same order and every number to the last digit.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
      },
      60_000,
    );
  }

  it("the awkward input really exercises the odd paths", () => {
    const fill = fillJourney(awkwardJourney(3));
    expect(fill.warnings.some((w) => w.includes("pain_extra"))).toBe(true);
    expect(fill.warnings.some((w) => w.includes("emo_1"))).toBe(true);
    expect(fill.warnings.some((w) => w.includes("have no response"))).toBe(true);
    const all = fill.personas.reduce((n, p) => n + p.n, 0);
    expect(all).toBeLessThan(fill.respondents);
    expect(fill.painTests).toBeGreaterThan(0);
  }, 60_000);
});

describe("the quick input check raises what the whole zod parse raises", () => {
  function outcome(run: () => unknown): string {
    try {
      run();
      return "ok";
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  }
  const broken: [string, (input: TJourneyFillInput) => void][] = [
    [
      "an object as an answer",
      (i) => ((i.responses[5] as { answers: object }).answers = { emo_0: { a: 1 } }),
    ],
    [
      "an infinite answer",
      (i) => ((i.responses[7]?.answers as Record<string, unknown>).pain_1 = Infinity),
    ],
    [
      "a list with a number",
      (i) => ((i.responses[2]?.answers as Record<string, unknown>).x = ["a", 1]),
    ],
    ["an empty response id", (i) => ((i.responses[3] as { id: string }).id = "")],
    ["answers as a list", (i) => ((i.responses[4] as { answers: unknown }).answers = [1])],
    [
      "a member id that is a number",
      (i) => (i.personas[1]?.memberResponseIds as unknown[]).push(4),
    ],
    [
      "a response listed twice",
      (i) => i.responses.push({ ...(i.responses[9] as object) } as never),
    ],
    [
      "a member in two personas",
      (i) => i.personas[2]?.memberResponseIds.push(i.responses[0]?.id ?? ""),
    ],
    ["a share above one", (i) => ((i.personas[0] as { share: number }).share = 2)],
    [
      "a blank stage id",
      (i) => ((i.stages as { id: string }[])[0] = { ...i.stages[0], id: "" } as never),
    ],
  ];
  for (const [name, spoil] of broken) {
    it(name, () => {
      const input = plantedJourney({ seed: 2 });
      spoil(input);
      const expected = outcome(() => referenceParse(input));
      expect(expected).not.toBe("ok");
      expect(outcome(() => fillJourney(input))).toBe(expected);
    });
  }
});

describe("pain tests from tallies", () => {
  it("give the same numbers as ranking every respondent", () => {
    const rng = createRng(21);
    for (let round = 0; round < 40; round++) {
      // Means of one to three answers on 0..4: many ties, some values not whole numbers.
      const value = () => {
        const k = 1 + rng.int(3);
        let s = 0;
        for (let j = 0; j < k; j++) s += rng.int(5);
        return s / k;
      };
      const mine = Array.from({ length: 5 + rng.int(200) }, value);
      const others = Array.from({ length: 2 + rng.int(400) }, value);
      const values = [...new Set([...mine, ...others])];
      const tally = (list: number[]) => {
        const counts = new Float64Array(values.length);
        for (const v of list) counts[values.indexOf(v)] = (counts[values.indexOf(v)] ?? 0) + 1;
        return { values, counts, n: list.length };
      };
      const sum = others.reduce((a, b) => a + b, 0);
      expect(painTestFromTallies(tally(mine), tally(others), sum)).toEqual(painTest(mine, others));
    }
  });
});

describe("indexing respondents by one walk or by the id table", () => {
  it("gives the same persona of every response either way", () => {
    const ordered = plantedJourney({ seed: 4, sizes: [60, 50, 40] });
    const ids = ordered.responses.map((r) => r.id);
    // The walk needs ascending ids and members in response order: the planted journey has both.
    expect(ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id)).toBe(true);
    // Members listed backwards make the walk give up, so the id table decides.
    const reversed: TJourneyFillInput = {
      ...ordered,
      personas: ordered.personas.map((p) => ({
        ...p,
        memberResponseIds: [...p.memberResponseIds].reverse(),
      })),
    };
    const walked = checkFillInput(ordered).respondents;
    const tabled = checkFillInput(reversed).respondents;
    expect([...walked.personaSlot]).toEqual([...tabled.personaSlot]);
    expect(walked.personaSlot.filter((slot) => slot >= 0).length).toBe(150);
    expect([...walked.missingMembers]).toEqual([0, 0, 0]);
    for (const id of [ids[0] as string, ids[77] as string, "no-such-response"])
      expect(walked.positionOf(id)).toBe(tabled.positionOf(id));
  });

  it("still refuses a response listed twice and a member of two personas", () => {
    const base = plantedJourney({ seed: 4, sizes: [60, 50, 40] });
    const twice: TJourneyFillInput = {
      ...base,
      responses: [...base.responses, base.responses[3] as TJourneyFillInput["responses"][number]],
    };
    expect(() => checkFillInput(twice)).toThrow(/listed twice/);
    const shared = base.personas[0]?.memberResponseIds[0] as string;
    const both: TJourneyFillInput = {
      ...base,
      personas: base.personas.map((p, i) =>
        i === 1 ? { ...p, memberResponseIds: [shared, ...p.memberResponseIds] } : p,
      ),
    };
    expect(() => checkFillInput(both)).toThrow(/more than one persona/);
  });
});
