// The filled journey grid end to end, from the demo seed (which ran the demo analysis and filled
// the demo map): the demo researcher creates a map from the car-buying template, links the demo
// survey and sees it filled at once from the newest run: the emotion curve drawn for every
// persona, a pain severity value in every persona's cell, and for each persona quotes that are
// real answers (each quote's response page shows the same words). Numbers open their evidence; a
// suggested moment of truth is accepted and stays accepted. axe finds no serious or critical
// problems. The strategist reads the demo map's evidence without controls (screenshot for the
// README).
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  type RunningApp,
  signIn,
  useAppAndBrowser,
} from "./harness";

const DEMO_MAP = "Buying a car with Northwind";
const DEMO_SURVEY = "Buying your car with Northwind";
const STAGES = ["Discovery", "Comparing", "Considering", "Purchase", "Post-purchase"];

let app: RunningApp;
let browser: Browser;

useAppAndBrowser({}, (started) => ({ app, browser } = started));

const evidence = (page: Page) => page.locator("section.jm-evidence");
const evidenceGrid = (page: Page) => evidence(page).locator("table.ev-grid");

async function personaOptions(page: Page): Promise<string[]> {
  const labels = await evidence(page).getByLabel("Show").locator("option").allTextContents();
  return labels.filter((l) => l !== "All personas overlaid" && !l.startsWith("All respondents"));
}

describe("the filled journey grid", () => {
  it("fills a new map when the demo survey is linked: curves, pain and real quotes per persona", async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl, "researcher@demo.personaatlas.test");
    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("radio", { name: /Car buying/ }).check();
    await page.getByLabel("Journey map name").fill("E2E evidence journey");
    await page.getByRole("button", { name: "Create journey map" }).click();
    await page.waitForURL(/\/journeys\/[^/]+$/);
    await evidence(page).getByText("Link a survey and run an analysis to fill this map").waitFor();

    await page.getByLabel("Linked survey").selectOption({ label: DEMO_SURVEY });
    await page.getByRole("button", { name: "Link survey" }).click();
    await evidenceGrid(page).waitFor({ timeout: 30_000 });

    // Columns are the map's stages, in its order.
    const columns = await evidenceGrid(page).locator("thead th").allTextContents();
    expect(columns.map((c) => c.replace(/^\d+/, ""))).toEqual(STAGES);
    const personas = await personaOptions(page);
    expect(personas.length).toBeGreaterThanOrEqual(2);

    // Overlaid: one curve per persona plus all respondents, one pain row each, a value per stage.
    const chart = evidence(page).locator(".ev-chart");
    await chart.locator(".recharts-line").first().waitFor();
    expect(await chart.locator(".recharts-line").count()).toBe(personas.length + 1);
    const painRows = evidenceGrid(page).locator("tr.ev-heat-row");
    expect(await painRows.count()).toBe(personas.length + 1);
    for (let i = 0; i < personas.length; i++) {
      const values = await painRows.nth(i).locator(".ev-heat-value").allTextContents();
      expect(values).toHaveLength(STAGES.length);
      for (const v of values) expect(Number(v)).toBeGreaterThanOrEqual(0);
    }

    // Every number opens its evidence: n, the interval, the test and q, a link to the responses.
    const firstPain = painRows.first().locator("td").first();
    await firstPain.locator("button.ev-number").click();
    const popover = firstPain.locator(".ev-popover");
    await popover.getByText("95 % interval").waitFor();
    expect(await popover.getByText("Benjamini-Hochberg").count()).toBe(1);
    expect(await popover.getByRole("link", { name: "Open the responses behind it" }).count()).toBe(
      1,
    );
    await page.keyboard.press("Escape");
    await popover.waitFor({ state: "hidden" });

    // Each persona: its band and curve, and quotes that are real answers.
    const quotes: { text: string; href: string }[] = [];
    for (const name of personas) {
      await evidence(page).getByLabel("Show").selectOption({ label: name });
      await chart.locator(".recharts-area").first().waitFor();
      const quote = evidenceGrid(page).locator(".ev-quote").first();
      await quote.waitFor();
      const text = (await quote.locator("blockquote").textContent()) ?? "";
      const href = (await quote.getByRole("link").getAttribute("href")) ?? "";
      expect(text.length).toBeGreaterThan(10);
      expect(href).toMatch(/\/surveys\/[^/]+\/responses\/[^/]+$/);
      quotes.push({ text: text.replace(/^“|”$/g, ""), href });
    }
    await saveScreenshot(page, "journey-grid-persona");
    await expectNoSeriousA11yIssues(page);

    const reader = await page.context().newPage();
    for (const q of quotes) {
      await reader.goto(`${app.baseUrl}${q.href}`);
      await reader.getByRole("heading", { name: "Response", level: 1 }).waitFor();
      expect(await reader.getByText(q.text, { exact: true }).count()).toBeGreaterThanOrEqual(1);
    }
    await reader.close();

    // Accept a suggested moment of truth; the decision is stored.
    const moments = evidence(page).locator(".ev-moment");
    const first = moments.first();
    const which = (await first.locator(".ev-moment-head strong").textContent()) ?? "";
    await first.getByRole("button", { name: /^Accept/ }).click();
    await page.getByRole("status").filter({ hasText: "Accepted the moment of truth." }).waitFor();
    await page.reload();
    const again = evidence(page).locator(".ev-moment", { hasText: which }).first();
    await again.locator(".badge", { hasText: "Accepted" }).waitFor();
    expect(await again.getByText(/Accepted by/).count()).toBe(1);

    await expectNoSeriousA11yIssues(page);
    await page.close();
  }, 240_000);

  it("a new analysis run fills the map again and shows what changed since the earlier run", async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl, "researcher@demo.personaatlas.test");
    await page.getByRole("link", { name: "Personas" }).click();
    await page.getByRole("heading", { name: "New analysis" }).waitFor();
    const survey = page.getByLabel("Survey", { exact: true });
    const value = await survey
      .locator("option", { hasText: DEMO_SURVEY })
      .first()
      .getAttribute("value");
    await survey.selectOption(value ?? "");
    await page.getByLabel("Seed").fill("2");
    await page.getByRole("button", { name: "Start analysis" }).click();
    await page.waitForURL(/\/personas\/runs\/[^/]+$/);
    await page.getByRole("heading", { name: "How many personas" }).waitFor({ timeout: 200_000 });

    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("link", { name: "E2E evidence journey", exact: true }).click();
    await evidenceGrid(page).waitFor({ timeout: 30_000 });
    const runs = await evidence(page)
      .getByLabel("Analysis run")
      .locator("option")
      .allTextContents();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain("(newest)");
    const drift = evidence(page).getByRole("region", { name: /^What changed since/ });
    await drift.waitFor();
    // The same respondents, clustered again: every persona found again by its members.
    const personas = await personaOptions(page);
    expect(await drift.locator(".ev-pairs li", { hasText: "shared members" }).count()).toBe(
      personas.length,
    );
    expect(await drift.locator("tbody tr").count()).toBe(personas.length + 1);
    await saveScreenshot(page, "journey-grid-drift");
    await page.close();
  }, 300_000);

  it("a strategist reads the demo map's evidence without controls", async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("link", { name: DEMO_MAP, exact: true }).click();
    await page.getByRole("heading", { name: DEMO_MAP, level: 1 }).waitFor();
    await evidenceGrid(page).waitFor();
    await evidence(page).locator(".ev-chart .recharts-line").first().waitFor();
    expect(
      await evidence(page)
        .getByRole("button", { name: /^(Accept|Dismiss|Refill)/ })
        .count(),
    ).toBe(0);
    expect(await evidence(page).locator(".ev-gaps tbody tr").count()).toBeGreaterThan(0);
    const shot = await saveScreenshot(page, "journey-grid");
    // The README's picture: the evidence from its heading to the gap list (page coordinates).
    await page.evaluate(() => window.scrollTo(0, 0));
    const section = await evidence(page).boundingBox();
    const gaps = await evidence(page)
      .getByRole("region", { name: /^Gaps to close/ })
      .boundingBox();
    if (section && gaps) {
      await page.screenshot({
        path: path.join(path.dirname(shot), "journey-grid-evidence.png"),
        fullPage: true,
        clip: {
          x: section.x,
          y: section.y,
          width: section.width,
          height: gaps.y + gaps.height - section.y + 16,
        },
      });
    }
    await expectNoSeriousA11yIssues(page);
    await page.close();
  }, 120_000);
});
