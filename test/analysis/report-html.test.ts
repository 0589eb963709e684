// The HTML report: self-contained (no scripts, no external assets), shows the k curve, sizes,
// draft cards and trait tables, and escapes every piece of text that came from the data.
import { describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import { renderReportHtml } from "~/server/analysis/report-html";
import { escapeHtml } from "~/server/analysis/report-html-markup";
import { createRng } from "~/server/analysis/rng";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import { generateSegments } from "~/server/analysis/synthetic";
import { segmentQuestions } from "../helpers/segment-questions";

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function hostileResult() {
  const data = generateSegments({
    seed: 51,
    n: 150,
    segments: 3,
    shape: "separated",
    questions: 4,
  });
  const rng = createRng(52);
  const questions: QuestionDefinition[] = [
    ...segmentQuestions(data.features, (f, j) =>
      // A label straight from a CSV header.
      j === 0 ? `Rating ${EVIL}` : f.id,
    ),
    { id: "plan", label: "Plan", role: "DEMOGRAPHIC", kind: "categorical" },
    { id: "why", label: "Why?", role: "THOUGHT", kind: "text" },
  ];
  const responses: SurveyResponse[] = data.rows.map((row, i) => ({
    id: i === 0 ? `id-${EVIL}` : `r${i}`,
    answers: {
      ...row,
      // An option that follows the segments, so it shows up in cards and tables.
      plan: rng.next() < 0.8 ? `${EVIL} plan ${data.labels[i]}` : "basic",
      why: `I said ${EVIL} on purpose`,
    },
  }));
  return runAnalysis({ questions, responses }, { seed: 3, bootstrapRounds: 4 });
}

describe("renderReportHtml", () => {
  const result = hostileResult();
  const html = renderReportHtml(result, { title: `Report ${EVIL}` });

  it("escapes text from the data: no markup can be injected", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The planted text really was rendered (in labels, options and quotes), escaped.
    expect(html.split("&lt;script&gt;").length - 1).toBeGreaterThan(5);
  });

  it("is self-contained: inline CSS and SVG, no external assets", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<style>");
    expect(html).toMatch(/<svg\s+role="img"\s+aria-label="Silhouette by number of personas"/);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link|@import|url\(/);
  });

  it("shows the k curve, sizes, draft cards, stability and trait tables", () => {
    expect(html).toContain(`chosen k = ${result.metrics.chosenK}`);
    for (const p of result.personas) {
      expect(html).toContain(escapeHtml(p.name));
      expect(html).toContain(`id="${p.id}"`);
      expect(html).toContain(`badge ${p.stability.label}`);
      const top = p.traits.find((t) => t.id === p.distinguishingTraitIds[0]);
      expect(top).toBeDefined();
      expect(html).toContain(escapeHtml(top?.id));
    }
    expect(html.match(/>DRAFT</g)?.length).toBe(result.personas.length);
    expect(html).toContain("n persona / rest");
  });

  it("gives each persona's Jaccard with its Monte Carlo error", () => {
    for (const p of result.personas) {
      const error = p.stability.monteCarloError;
      expect(error).not.toBeNull();
      expect(html).toContain(
        `· Jaccard ${p.stability.meanJaccard?.toFixed(2)} ± ${error?.toFixed(2)}`,
      );
    }
  });

  it("says nothing about samples when every respondent was used", () => {
    expect(result.metrics.silhouetteSample).toBeNull();
    expect(html).not.toContain("estimated on a sample");
  });
});

describe("renderReportHtml on a run above the silhouette's exact limit", () => {
  it("says the silhouette was estimated on a sample, with its size", () => {
    // 2 500 respondents: the silhouettes are computed on a seeded sample of 2 000 (quality.ts);
    // the k curve itself still covers everyone.
    const data = generateSegments({
      seed: 53,
      n: 2500,
      segments: 3,
      shape: "separated",
      questions: 4,
    });
    const questions: QuestionDefinition[] = segmentQuestions(data.features);
    const responses = data.rows.map((answers, i) => ({ id: `r${i}`, answers }));
    const sampled = runAnalysis(
      { questions, responses },
      { seed: 4, kMax: 4, restarts: 2, bootstrapRounds: 2 },
    );
    expect(sampled.metrics.silhouetteSample).toBe(2000);
    expect(sampled.metrics.curveSample).toBeNull();
    const report = renderReportHtml(sampled, { title: "Sampled" });
    expect(report).toContain("estimated on a sample of 2,000 of the 2,500 respondents");
    expect(report).not.toContain("The curve (inertia, smallest persona) is estimated");
  }, 30_000);
});

describe("renderReportHtml and the evidence rules", () => {
  it("marks segment traits, explains both families and says insufficient evidence", () => {
    const data = generateSegments({ seed: 53, n: 150, segments: 3, shape: "separated" });
    const questions: QuestionDefinition[] = segmentQuestions(data.features);
    const responses: SurveyResponse[] = data.rows.map((row, i) => ({ id: `r${i}`, answers: row }));
    // 150 respondents in 6 personas: every persona is below 30.
    const result = runAnalysis({ questions, responses }, { seed: 3, k: 6, bootstrapRounds: 2 });
    const html = renderReportHtml(result);
    expect(html).toContain("comparisons on the segment questions are adjusted separately");
    expect(html).toMatch(/Insufficient evidence \(n = \d+\) for \d+ of \d+ traits/);
    const lenient = renderReportHtml(
      runAnalysis({ questions, responses }, { seed: 3, k: 3, bootstrapRounds: 2, minGroupN: 10 }),
    );
    expect(lenient).toContain('<span class="badge segment">formed from these answers</span>');
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
