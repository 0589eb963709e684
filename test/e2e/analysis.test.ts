// Persona analysis end to end: a researcher starts an analysis on the demo car-buying survey,
// follows its progress, reads the finished run (chosen k, personas with stability) and opens a
// persona (traits with q values, a quote); a strategist sees the run but cannot start one; axe
// finds no serious or critical problems on the run and persona pages.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createRng } from "~/server/analysis/rng";
import { saveResponse } from "~/server/features/responses/responses";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import {
  openPage,
  saveScreenshot,
  type RunningApp,
  signIn,
  expectNoSeriousA11yIssues,
  useAppAndBrowser,
} from "./harness";
import { segmentLikert } from "../helpers/factories";
import { demoOwnerActor, withSeedDatabase } from "./seed-survey";

const DEMO_TITLE = "Buying your car with Northwind";

let app: RunningApp;
let browser: Browser;
let surveyTitle = DEMO_TITLE;
let runUrl = "";

/** A segmenting five-point statement with its own wording. */
const likert = (key: string, en: string) => segmentLikert(key, { text: { en } });

// Three planted groups of car buyers with clearly different answer profiles.
const centres = [
  [4.6, 1.4, 4.4, 1.5],
  [1.5, 4.6, 1.6, 4.4],
  [3.0, 4.5, 4.6, 1.4],
];
const thoughts = [
  "I compared prices online for weeks before I went to a dealer.",
  "The test drive and the salesperson's advice decided it for me.",
  "I wanted the greenest car I could afford, range mattered most.",
];

/** Uses the demo survey when the seed has it; otherwise plants a small one like it. */
async function ensureCarSurvey(env: NodeJS.ProcessEnv): Promise<void> {
  return withSeedDatabase(env, async (prisma) => {
    const existing = await prisma.survey.findFirst({ where: { title: DEMO_TITLE } });
    if (existing) return;
    const actor = await demoOwnerActor(prisma);
    surveyTitle = `${DEMO_TITLE} (e2e)`;
    const survey = await createSurvey(prisma, actor, { title: surveyTitle }, [
      likert("price", "Getting the best price mattered most."),
      likert("advice", "I relied on the dealer's advice."),
      likert("green", "Low emissions were important to me."),
      likert("brand", "I stayed with a brand I knew."),
      {
        key: "age",
        type: "NUMBER",
        role: "DEMOGRAPHIC",
        settings: { min: 18, max: 90 },
        text: { en: "How old are you?" },
      },
      {
        key: "thought",
        type: "LONG_TEXT",
        role: "THOUGHT",
        text: { en: "What went through your mind?" },
      },
    ]);
    await publishSurvey(prisma, actor, survey.id);
    const rng = createRng(11);
    for (let i = 0; i < 180; i++) {
      const group = i % centres.length;
      const answers: Record<string, number | string> = {
        age: 25 + group * 15 + rng.int(8),
        thought: thoughts[group] ?? "",
      };
      centres[group]?.forEach((centre, q) => {
        const key = ["price", "advice", "green", "brand"][q] ?? "price";
        answers[key] = Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.5))));
      });
      await saveResponse(prisma, {
        slug: survey.slug,
        responseId: randomUUID(),
        answers,
        complete: true,
        locale: "en",
      });
    }
  });
}

useAppAndBrowser({ beforeStart: ensureCarSurvey }, (started) => ({ app, browser } = started));

describe("persona analysis", () => {
  it("a researcher starts an analysis, follows it and opens a persona", async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, "researcher@demo.personaatlas.test");
    await page.getByRole("link", { name: "Personas" }).click();
    await page.getByRole("heading", { name: "New analysis" }).waitFor();

    const survey = page.getByLabel("Survey", { exact: true });
    const option = survey.locator("option", { hasText: surveyTitle });
    const value = await option.first().getAttribute("value");
    expect(value).toBeTruthy();
    await survey.selectOption(value ?? "");
    expect(await page.getByLabel("Seed").inputValue()).toBe("1");
    expect(await page.getByLabel("Include partial responses").isChecked()).toBe(false);
    await page.getByRole("button", { name: "Start analysis" }).click();

    await page.waitForURL(/\/personas\/runs\/[^/]+$/);
    runUrl = page.url();
    const progress = page.getByRole("progressbar");
    await progress.waitFor({ timeout: 30_000 });
    const now = Number(await progress.getAttribute("aria-valuenow"));
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThanOrEqual(100);

    await page.getByRole("heading", { name: "How many personas" }).waitFor({ timeout: 200_000 });
    expect(await progress.count()).toBe(0);
    const chosen = page.locator("tr.pa-chosen");
    expect(await chosen.count()).toBe(1);
    expect(await page.locator('[role="img"][aria-label*="chosen k ="]').count()).toBe(1);
    const badges = page.locator(".pa-stability");
    expect(await badges.count()).toBeGreaterThan(0);
    expect(await badges.first().textContent()).toMatch(
      /^(stable|uncertain|unstable)( \(borderline\))? · Jaccard \d\.\d\d ± \d\.\d\d$/,
    );
    await saveScreenshot(page, "analysis-run");
    await expectNoSeriousA11yIssues(page);

    await page
      .getByRole("link", { name: /^Open persona/ })
      .first()
      .click();
    await page.waitForURL(/\/personas\/\d+$/);
    await page.getByRole("heading", { name: /Distinguishing traits/ }).waitFor();
    expect(await page.getByText("Generated draft").count()).toBeGreaterThan(0);
    const qHeader = page
      .locator("table.pa-traits")
      .first()
      .getByRole("columnheader", { name: "q" });
    expect(await qHeader.count()).toBe(1);
    const rows = page.locator("table.pa-traits").first().locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator("td").last().textContent()).toMatch(/^(< 0\.001|\d\.\d{3})$/);
    const quote = page.locator(".pa-quote blockquote").first();
    await quote.waitFor();
    expect((await quote.textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByRole("heading", { name: "The responses behind it" }).count()).toBe(1);
    await saveScreenshot(page, "persona-page");
    await expectNoSeriousA11yIssues(page);
    await page.close();
  }, 300_000);

  it("a strategist sees the run but cannot start an analysis", async () => {
    expect(runUrl).not.toBe("");
    const page = await openPage(browser);
    await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
    await page.getByRole("link", { name: "Personas" }).click();
    await page.getByRole("heading", { name: "Analysis runs" }).waitFor();
    expect(await page.getByRole("heading", { name: "New analysis" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start analysis" }).count()).toBe(0);
    await page
      .getByRole("link", { name: /^Open run/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "How many personas" }).waitFor();
    expect(await page.getByRole("button", { name: /Cancel/ }).count()).toBe(0);
    await page.close();
  });
});
