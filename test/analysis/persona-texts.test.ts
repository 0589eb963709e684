// What each persona says, on planted free text: every planted segment writes about its own
// subject in its own tone (a third of its members name the subject; the rest write varied
// sentences in the same tone). The engine must find the subject as the persona's top theme, the
// tone must go the planted way, a question too few answered must say "insufficient evidence",
// German answers get themes but no tone, report.html shows it all escaped, and a run stored
// before `texts` existed still parses.
import { describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import { renderReportHtml } from "~/server/analysis/report-html";
import { escapeHtml } from "~/server/analysis/report-html-markup";
import { ZAnalysisResult, type AnalysisResult, type Persona } from "~/server/analysis/result";
import { createRng, type Rng } from "~/server/analysis/rng";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import { generateSegments } from "~/server/analysis/synthetic";
import { segmentQuestions } from "../helpers/segment-questions";

interface Plant {
  /** Words of the planted subject; the top theme must name one of them. */
  subject: string[];
  planted: string[];
  filler: string[];
  tone: "negative" | "positive";
}

const PLANTS: Plant[] = [
  {
    subject: ["delivery", "delay"],
    tone: "negative",
    planted: [
      "The delivery delay was terrible and nobody told me anything.",
      "Another delivery delay, I am really angry about it.",
      "A delivery delay of two weeks is awful service.",
      "The delivery delay ruined my weekend, very disappointing.",
    ],
    filler: [
      "The website was slow and frustrating to use.",
      "Customer support was rude and useless.",
      "I hated the packaging, it was broken.",
      "The invoice was wrong and the refund never came.",
      "My order was cancelled without any reason, awful.",
      "The app keeps crashing, this is a horrible experience.",
      "The courier lost my parcel, terrible.",
      "Prices went up and the quality is bad.",
      "I was on hold for an hour, which was infuriating.",
      "The manual is confusing and badly written.",
    ],
  },
  {
    subject: ["member", "discount"],
    tone: "positive",
    planted: [
      "The member discount is great and I love it.",
      "I really enjoy the member discount, excellent value.",
      "The member discount makes every purchase a pleasure.",
      "Fantastic member discount, I am very happy with it.",
    ],
    filler: [
      "The staff were friendly and very helpful.",
      "Checkout was quick and easy, wonderful.",
      "I love the fresh design of the shop.",
      "The coffee corner is a lovely touch.",
      "Great selection of brands, I am delighted.",
      "The newsletter has useful and nice tips.",
      "The location is perfect and easy to reach.",
      "The gift wrapping looked beautiful.",
      "Returns were simple, a great experience.",
      "The music in the store is pleasant and relaxing.",
    ],
  },
  {
    subject: ["parking", "space"],
    tone: "negative",
    planted: [
      "The parking space is too small and it is annoying.",
      "Bad parking space, I can never get a spot after work.",
      "Parking space on Sunday is poor and inconvenient.",
      "The parking space is a real problem for me, frustrating.",
    ],
    filler: [
      "The queue at the till was terrible.",
      "The fitting rooms were dirty and unpleasant.",
      "Sizes were missing again, disappointing.",
      "The lighting is harsh and ugly.",
      "Nobody answered the phone, very poor.",
      "The trolley was broken, annoying.",
      "The floor was wet and dangerous.",
      "Labels had the wrong price, a mess.",
      "The air conditioning was far too cold and uncomfortable.",
      "The card machine failed twice, awful.",
    ],
  },
];

const GERMAN = [
  "Die Lieferung war sehr langsam und ich bin nicht zufrieden.",
  "Der Service ist leider nicht gut und die Preise sind zu hoch.",
  "Ich habe mich über die Verpackung sehr geärgert, sie war kaputt.",
  "Das Personal war freundlich, aber die Wartezeit ist mir zu lang.",
  "Die Qualität der Ware ist gut und die Auswahl ist groß.",
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

/** 3 separated segments of 100 with planted free text; `labels` are the planted segments. */
function plantedRun(): { result: AnalysisResult; labels: number[]; responses: SurveyResponse[] } {
  const data = generateSegments({ seed: 71, n: 300, segments: 3, shape: "separated" });
  const rng = createRng(72);
  const questions: QuestionDefinition[] = [
    ...segmentQuestions(data.features),
    { id: "say", label: "What would you <b>tell</b> us?", role: "THOUGHT", kind: "text" },
    { id: "rare", label: "Anything else?", role: "OTHER", kind: "text" },
    { id: "kommentar", label: "Ihr Kommentar", role: "THOUGHT", kind: "text" },
  ];
  const responses: SurveyResponse[] = data.rows.map((row, i) => {
    const plant = PLANTS[data.labels[i] as number] as Plant;
    const say = rng.next() < 0.34 ? pick(rng, plant.planted) : pick(rng, plant.filler);
    return {
      id: `r${i}`,
      answers: {
        ...row,
        // One respondent's answer carries markup; it must reach the report escaped.
        say: i === 0 ? `${say} <script>alert(1)</script>` : say,
        // About one in seven answers: fewer than 30 per persona, but enough over everyone.
        rare: rng.next() < 0.15 ? pick(rng, plant.filler) : "NA",
        kommentar: pick(rng, GERMAN),
      },
    };
  });
  const result = runAnalysis({ questions, responses }, { seed: 9, k: 3, bootstrapRounds: 4 });
  return { result, labels: data.labels, responses };
}

/** The planted segment most of the persona's members come from. */
function plantOf(p: Persona, labels: readonly number[]): Plant {
  const counts = [0, 0, 0];
  for (const id of p.memberIds) {
    const label = labels[Number(id.slice(1))] as number;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return PLANTS[counts.indexOf(Math.max(...counts))] as Plant;
}

function question(texts: Persona["texts"], id: string) {
  const q = texts?.find((t) => t.questionId === id);
  if (!q) throw new Error(`no summary for ${id}`);
  return q;
}

describe("per-persona themes and tone", () => {
  const { result, labels } = plantedRun();

  it("gives every persona a summary of every free-text question, and one for everyone", () => {
    expect(() => ZAnalysisResult.parse(result)).not.toThrow();
    expect(result.personas).toHaveLength(3);
    for (const p of result.personas) {
      expect(p.texts?.map((t) => t.questionId)).toEqual(["say", "rare", "kommentar"]);
    }
    expect(result.texts?.map((t) => t.questionId)).toEqual(["say", "rare", "kommentar"]);
    expect(question(result.texts, "say").n).toBe(result.encoding.clustered);
  });

  it("finds each persona's planted subject as its top theme, with quotes that use it", () => {
    const subjects = new Set<string>();
    for (const p of result.personas) {
      const plant = plantOf(p, labels);
      subjects.add(plant.subject[0] as string);
      const say = question(p.texts, "say");
      expect(say.insufficient).toBe(false);
      expect(say.n).toBe(p.size);
      const top = say.themes[0];
      expect(top).toBeDefined();
      const label = top?.label.toLowerCase() ?? "";
      expect(plant.subject.some((word) => label.includes(word))).toBe(true);
      // About a third of the members wrote the planted subject.
      expect(top?.share).toBeGreaterThan(0.2);
      expect(top?.share).toBeLessThan(0.5);
      expect(top?.lower).toBeLessThanOrEqual(top?.share ?? 0);
      expect(top?.upper).toBeGreaterThanOrEqual(top?.share ?? 1);
      expect(top?.quotes.length).toBeGreaterThanOrEqual(2);
      for (const quote of top?.quotes ?? []) {
        expect(p.memberIds).toContain(quote.responseId);
        expect(plant.subject.some((word) => quote.text.toLowerCase().includes(word))).toBe(true);
      }
      // No other persona's subject is among this persona's themes.
      for (const other of PLANTS.filter((x) => x !== plant)) {
        for (const t of say.themes) {
          expect(other.subject.some((word) => t.label.toLowerCase().includes(word))).toBe(false);
        }
      }
    }
    expect(subjects.size).toBe(3);
  });

  it("reads each persona's tone the planted way, as shares with intervals", () => {
    for (const p of result.personas) {
      const plant = plantOf(p, labels);
      const tone = question(p.texts, "say").tone;
      expect(tone).not.toBeNull();
      if (!tone) continue;
      const planted = tone[plant.tone];
      const opposite = tone[plant.tone === "negative" ? "positive" : "negative"];
      expect(tone.lean).toBe(plant.tone);
      // The planted tone's interval lies wholly above the opposite one's.
      expect(planted.lower).toBeGreaterThan(opposite.upper);
      expect(planted.share).toBeGreaterThan(0.5);
      expect(tone.negative.count + tone.neutral.count + tone.positive.count).toBe(tone.n);
    }
  });

  it("says insufficient evidence below the minimum n instead of themes", () => {
    for (const p of result.personas) {
      const rare = question(p.texts, "rare");
      expect(rare.n).toBeLessThan(30);
      expect(rare.insufficient).toBe(true);
      expect(rare.themes).toEqual([]);
      expect(rare.tone).toBeNull();
      expect(rare.note).toContain(`Insufficient evidence (n = ${rare.n})`);
    }
    // Over everyone the same question has enough answers.
    const all = question(result.texts, "rare");
    expect(all.n).toBeGreaterThanOrEqual(30);
    expect(all.insufficient).toBe(false);
  });

  it("themes German answers but shows no tone for them, and says why", () => {
    for (const p of result.personas) {
      const german = question(p.texts, "kommentar");
      expect(german.insufficient).toBe(false);
      expect(german.otherLanguage).toBe(german.n);
      expect(german.tone).toBeNull();
      expect(german.toneNote).toContain("German");
    }
  });

  it("shows 'What they say' per persona in report.html, escaped", () => {
    const html = renderReportHtml(result, { title: "Planted" });
    expect(html.match(/<h3>What they say<\/h3>/g)?.length).toBe(3);
    expect(html).toContain("What everyone says");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<b>tell</b>");
    expect(html).toContain(escapeHtml("What would you <b>tell</b> us?"));
    expect(html).toMatch(/Insufficient evidence \(n = \d+\): themes and tone need at least 30/);
    expect(html).toContain('aria-label="Tone: shares negative, neutral and positive"');
    for (const p of result.personas) {
      const say = question(p.texts, "say");
      const top = say.themes[0];
      expect(html).toContain(escapeHtml(top?.label));
      expect(html).toContain(escapeHtml(top?.quotes[0]?.text));
      expect(html).toContain(`(n = ${say.tone?.n}, leans ${say.tone?.lean})`);
    }
    expect(html).toContain("No tone shown:");
  });

  it("still parses a run stored before texts existed, and its report has no such section", () => {
    const stored = JSON.parse(JSON.stringify(result)) as Record<string, unknown> & {
      personas: Record<string, unknown>[];
    };
    delete stored.texts;
    for (const p of stored.personas) delete p.texts;
    const parsed = ZAnalysisResult.parse(stored);
    expect(parsed.texts).toBeUndefined();
    expect(parsed.personas.every((p) => p.texts === undefined)).toBe(true);
    const html = renderReportHtml(parsed);
    expect(html).not.toContain("What they say");
    expect(html).not.toContain("What everyone says");
  });
});
