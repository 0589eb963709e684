// Reviewing the demo journey map end to end (the demo analysis filled it): the demo strategist
// comments on a pain cell from its evidence card and the comment is still there after a reload
// (the cell shows its comment count), then edits it and deletes a reply; downloads the map as an
// A4 (the map's button, which waits for the render job) and a Letter (the job URLs) landscape PDF
// (it has pages and the stage names; page 1 rendered with pdftoppm
// is not blank) and the cells as CSV
// (one row per persona and stage, all respondents included); opens presentation mode, moves with
// the arrow keys and leaves with Escape. axe finds no serious or critical problems on the
// presentation; its screenshot goes to test-results/screenshots/journey-presentation.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Db } from "~/server/db/client";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  signIn,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { fetchRendered, inkShare, pdfInfo, pdfText, renderPdfPage } from "./pdf-checks";
import { ensureDemoAnalysis } from "./seed-survey";

const DEMO_MAP = "Buying a car with Northwind";
const STAGES = ["Discovery", "Comparing", "Considering", "Purchase", "Post-purchase"];
const COMMENT = "Check the Purchase fees with the finance team before the next review.";

let app: RunningApp;
let browser: Browser;
let page: Page;
let mapUrl = "";
const workDir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-journey-review-e2e-"));

/** The demo normally opens on a finished analysis that filled the map. */
const mapIsFilled = async (prisma: Db) => (await prisma.journeyFill.count()) > 0;

useAppAndBrowser(
  { beforeStart: (env) => ensureDemoAnalysis(env, mapIsFilled) },
  (started) => ({ app, browser } = started),
);

beforeAll(async () => {
  // An American browser: the PDF must carry its date format (the server alone would use en-GB).
  page = await openPage(browser, { viewport: { width: 1440, height: 900 }, locale: "en-US" });
  await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
}, 180_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

const evidence = (p: Page) => p.locator("section.jm-evidence");

describe("reviewing the demo journey map", () => {
  it("comments on a pain cell; the comment and the cell's count stay after a reload", async () => {
    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("link", { name: DEMO_MAP, exact: true }).click();
    await page.getByRole("heading", { name: DEMO_MAP, level: 1 }).waitFor();
    mapUrl = page.url();
    const painCells = evidence(page).locator(".ev-heat-row .ev-number");
    await painCells.first().waitFor({ timeout: 30_000 });
    expect(await evidence(page).locator(".ev-comment-count").count()).toBe(0);

    const cellName = (await painCells.first().locator(".visually-hidden").textContent()) ?? "";
    const label = cellName.replace(/:\s*$/, "");
    expect(label).toMatch(/^Pain severity of .+ at .+/);
    await painCells.first().click();
    const card = page.getByRole("dialog", { name: label });
    await card.getByRole("button", { name: /^Comment/ }).click();
    const drawer = page.getByRole("dialog", { name: `Discuss: ${label}` });
    await drawer.getByText("No comments on this cell yet.").waitFor();
    await drawer.getByLabel("New comment").fill(COMMENT);
    await drawer.getByRole("button", { name: "Post comment" }).click();
    await drawer.locator(".pa-comment-body", { hasText: COMMENT }).waitFor();
    await drawer.getByRole("button", { name: /^Close/ }).click();
    await evidence(page).locator(".ev-heat-row .ev-comment-count").first().waitFor();

    await page.reload();
    const count = evidence(page).locator(".ev-heat-row .ev-comment-count");
    await count.first().waitFor({ timeout: 30_000 });
    expect(await count.count()).toBe(1);
    expect(await count.first().textContent()).toContain("1");
    await count.first().click();
    const again = page.getByRole("dialog", { name: `Discuss: ${label}` });
    await again.locator(".pa-comment-body", { hasText: COMMENT }).waitFor();
    expect(await again.locator(".pa-thread").count()).toBe(1);

    // The author edits the comment in place; it is marked as edited.
    await again.getByRole("button", { name: /^Edit the comment by/ }).click();
    await again.getByLabel("Edit your comment").fill(`${COMMENT} (checked twice)`);
    await again.getByRole("button", { name: "Save", exact: true }).click();
    await again.locator(".pa-comment-body", { hasText: "(checked twice)" }).waitFor();
    await again.locator(".pa-comment-meta", { hasText: "edited" }).waitFor();
    // A reply, deleted after a confirmation, leaves the thread as it was.
    await again.getByPlaceholder("Reply…").fill("A reply to take back.");
    await again.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = again.locator(".pa-reply", { hasText: "A reply to take back." });
    await reply.waitFor();
    await reply.getByRole("button", { name: /^Delete the comment by/ }).click();
    await reply.getByText("Delete this comment? This cannot be undone.").waitFor();
    await reply.getByRole("button", { name: "Delete", exact: true }).click();
    await reply.waitFor({ state: "detached" });
    expect(await again.locator(".pa-thread").count()).toBe(1);
    await again.getByRole("button", { name: /^Close/ }).click();
  }, 180_000);

  it("downloads the map as landscape PDF (A4 and Letter) and the cells as CSV", async () => {
    expect(mapUrl).not.toBe("");
    const api = mapUrl.replace(
      /\/w\/([^/]+)\/journeys\/([^/?#]+).*$/,
      "/api/v1/workspaces/$1/journeys/$2",
    );
    const request = page.context().request;
    // Letter as an API client fetches it (ask, poll the job, fetch the file); A4 below through
    // the map's button in the browser.
    const download = async (paper: string) => {
      const pdf = await fetchRendered(request, `${api}/pdf?paper=${paper}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect(pdf.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.pdf"/);
      const body = await pdf.body();
      expect(body.subarray(0, 5).toString()).toBe("%PDF-");
      const file = path.join(workDir, `journey-${paper}.pdf`);
      writeFileSync(file, body);
      return { file, ...pdfInfo(file) };
    };

    await page.goto(mapUrl);
    const [saved] = await Promise.all([
      page.waitForEvent("download", { timeout: 90_000 }),
      page.getByRole("button", { name: "PDF (A4)" }).click(),
    ]);
    expect(saved.suggestedFilename()).toMatch(/^.+\.pdf$/);
    await page.getByRole("status").filter({ hasText: "Your PDF is ready" }).waitFor();
    const a4File = path.join(workDir, "journey-a4.pdf");
    await saved.saveAs(a4File);
    expect(readFileSync(a4File).subarray(0, 5).toString()).toBe("%PDF-");
    const a4 = { file: a4File, ...pdfInfo(a4File) };
    expect(a4.pages).toBeGreaterThanOrEqual(1);
    // A4 landscape: 842 x 595 points.
    expect(a4.width).toBeCloseTo(842, -1);
    expect(a4.height).toBeCloseTo(595, -1);
    const text = pdfText(a4.file);
    expect(text).toContain(DEMO_MAP);
    // Paper has no controls: the emotion table is written out, not behind a toggle.
    expect(text).not.toContain("Show the emotion curve as a table");
    expect(text).toContain("The emotion curve as a table");
    for (const stage of STAGES) expect(text).toContain(stage);
    expect(text).toMatch(/pain severity/i);
    // The emotion chart is drawn (its axis labels are text in the PDF).
    expect(text).toMatch(/very positive \+2/);
    const ink = await inkShare(page, renderPdfPage(a4.file, 1, "journey-map-pdf-page1"));
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.9);
    // The evidence grid with its emotion chart starts on page 2: it carries ink too.
    expect(a4.pages).toBeGreaterThanOrEqual(2);
    expect(
      await inkShare(page, renderPdfPage(a4.file, 2, "journey-map-pdf-page2")),
    ).toBeGreaterThan(0.05);
    // Every sheet's running header names the map (page 2 has no title of its own) and the run.
    const second = pdfText(a4.file, { first: 2, last: 2 });
    expect(second).toContain(DEMO_MAP);
    // In the viewer's locale (forwarded to the print page), with a month name.
    expect(second).toMatch(
      /evidence from the run of [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} [AP]M UTC/,
    );
    expect(second).toMatch(/Page 2 of \d+/);

    // Letter landscape: 792 x 612 points.
    const letter = await download("letter");
    expect(letter.pages).toBeGreaterThanOrEqual(1);
    expect(letter.width).toBeCloseTo(792, -1);
    expect(letter.height).toBeCloseTo(612, -1);

    const csv = await request.get(`${api}/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const parsed = Papa.parse<Record<string, string>>(await csv.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        "persona",
        "stage",
        "emotion_mean",
        "emotion_lower",
        "emotion_upper",
        "pain_index",
        "pain_severe_share",
        "pain_q",
        "pain_significant",
        "top_theme",
      ]),
    );
    const personas = [...new Set(parsed.data.map((r) => r.persona))];
    expect(personas).toContain("All respondents");
    expect(personas.length).toBeGreaterThanOrEqual(3);
    expect(parsed.data).toHaveLength(personas.length * STAGES.length);
    for (const persona of personas) {
      expect(parsed.data.filter((r) => r.persona === persona).map((r) => r.stage)).toEqual(STAGES);
    }
    // Every persona's Purchase pain is an index with its interval around it.
    for (const row of parsed.data.filter((r) => r.stage === "Purchase")) {
      if (row.pain_status !== "ok") continue;
      expect(Number(row.pain_lower)).toBeLessThanOrEqual(Number(row.pain_index));
      expect(Number(row.pain_upper)).toBeGreaterThanOrEqual(Number(row.pain_index));
    }
  }, 240_000);

  it("presents one stage per screen, moves with the arrow keys and leaves with Escape", async () => {
    await page.goto(mapUrl);
    await evidence(page).getByRole("link", { name: "Present stages" }).click();
    await page.waitForURL(/\/present/);
    const title = page.locator(".jm-present-title");
    await title.waitFor();
    expect(await title.textContent()).toBe(STAGES[0]);
    await page.keyboard.press("ArrowRight");
    await page.locator(".jm-present-title", { hasText: STAGES[1] }).waitFor();
    await page.keyboard.press("PageDown");
    await page.locator(".jm-present-title", { hasText: STAGES[2] }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await page.locator(".jm-present-title", { hasText: STAGES[1] }).waitFor();
    // Each persona's emotion and pain with intervals, and a quote.
    const rows = page.locator(".jm-present-table tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    expect(await rows.first().textContent()).toMatch(/ to .*n = \d+/);
    await page.locator(".jm-present-quote blockquote").waitFor();

    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "journey-presentation");

    await page.keyboard.press("Escape");
    await page.waitForURL((url) => !url.pathname.endsWith("/present"));
    await page.getByRole("heading", { name: DEMO_MAP, level: 1 }).waitFor();
  }, 120_000);
});
