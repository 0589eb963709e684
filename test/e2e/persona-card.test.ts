// A strategist reads a demo persona card top to bottom: job, goals, challenges, values, fears,
// marketing message and elevator pitch each hold sentences or say honestly why not (what to ask
// next time, or that nothing sets the persona apart); no field shows a raw option key
// (in_person) or test statistics (δ, q <, Cohen); every field that claims something opens its
// evidence, a table of the traits it rests on; the answers behind the claims link to whole
// responses, which open. Dates show in the viewer's locale (German here) with a month name.
import { beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ASK_NEXT_TIME, INSUFFICIENT_EVIDENCE } from "~/server/analysis/persona-card-copy";
import { DEMO_STRATEGIST, openFirstPersona, signInAs } from "~/scripts/screenshot-card";
import { openPage, saveScreenshot, type RunningApp, useAppAndBrowser } from "./harness";
import { ensureDemoAnalysis } from "./seed-survey";

const FIELDS = [
  "Job",
  "Goals",
  "Challenges",
  "Values",
  "Fears",
  "Marketing message",
  "Elevator pitch",
];
const RAW_KEY = /\b[a-z0-9]+_[a-z0-9_]+\b/;
const JARGON = /δ|\bq\s*[<=>]|\bp\s*[<=>]|Cohen|Cliff|Mann-Whitney|Benjamini/;

let app: RunningApp;
let browser: Browser;
let page: Page;

useAppAndBrowser(
  { beforeStart: (env) => ensureDemoAnalysis(env) },
  (started) => ({ app, browser } = started),
);

beforeAll(async () => {
  page = await openPage(browser, { viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  await signInAs(page, app.baseUrl, DEMO_STRATEGIST);
});

/** Honest reasons a field may give instead of sentences. */
function isHonestNote(note: string): boolean {
  return (
    Object.values(ASK_NEXT_TIME).includes(note) ||
    note === INSUFFICIENT_EVIDENCE ||
    /^No (goal|challenge|value|fear) answer sets this persona apart/.test(note)
  );
}

describe("reading a persona card", () => {
  it("shows the gallery's dates in the viewer's locale, with a month name", async () => {
    await openFirstPersona(page);
    await page.goBack();
    await page.getByRole("heading", { name: /Persona gallery/ }).waitFor();
    const finished = (await page.locator("main time").first().textContent()) ?? "";
    // German: "3. Dez. 2026, 14:05 UTC"; never a bare 03.12.2026.
    expect(finished).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}, \d{2}:\d{2} UTC$/);
    await page.goForward();
  });

  it("has sentences or an honest note in every field, in plain words", async () => {
    await page.getByRole("heading", { level: 1 }).waitFor();
    let claimed = 0;
    for (const label of FIELDS) {
      const field = page.locator("article.pa-field", {
        has: page.getByRole("heading", { name: label, exact: true }),
      });
      expect(await field.count(), label).toBe(1);
      const text = field.locator(".pa-field-text");
      if ((await text.count()) > 0) {
        const value = ((await text.textContent()) ?? "").trim();
        const sentences = value.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
        expect(sentences.length, label).toBeGreaterThan(0);
        for (const sentence of sentences) {
          expect(sentence, label).toMatch(/^[A-Z“"].*\S.*[.!?”"]$/);
          expect(sentence.split(/\s+/).length, `${label}: ${sentence}`).toBeGreaterThanOrEqual(3);
          expect(sentence, label).not.toMatch(RAW_KEY);
          expect(sentence, label).not.toMatch(JARGON);
        }
        claimed++;

        // The claim opens its evidence: the traits it rests on.
        const details = field.locator("details.pa-evidence-details");
        const summary = details.locator("summary");
        expect(await summary.textContent(), label).toMatch(/^Evidence: [1-9]\d* traits?/);
        await summary.click();
        expect(await details.getAttribute("open"), label).not.toBeNull();
        const rows = details.locator("table.pa-evidence tbody tr");
        expect(await rows.count(), label).toBeGreaterThan(0);
        await expect.poll(() => rows.first().isVisible()).toBe(true);
        const evidenceText = (await details.locator("table.pa-evidence").textContent()) ?? "";
        expect(evidenceText, label).not.toMatch(RAW_KEY);
      } else {
        const note = ((await field.locator(":scope > .pa-note").textContent()) ?? "").trim();
        expect(isHonestNote(note), `${label}: ${note}`).toBe(true);
        expect(note, label).not.toMatch(JARGON);
      }
    }
    // A demo persona claims something in most fields; a card of notes only would be empty.
    expect(claimed).toBeGreaterThanOrEqual(4);
    await saveScreenshot(page, "persona-card-read");
  });

  it("links the answers behind its claims to whole responses that open", async () => {
    const table = page.locator("table.pa-claim-answers");
    await table.first().waitFor();
    const header = (await table.first().locator("thead").textContent()) ?? "";
    expect(header).not.toMatch(RAW_KEY);
    const cells = await table.first().locator("tbody td").allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).not.toMatch(RAW_KEY);
    const link = table.first().locator("tbody th a").first();
    expect(await link.textContent()).toBe("Respondent 1");
    await link.click();
    await page.waitForURL(/\/responses\/[^/]+$/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/could not be found|404/);
  });
});
