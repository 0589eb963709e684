// Strategist review end to end on the demo data: a strategist opens the gallery, edits a
// persona's marketing message (the history shows the change), comments on a trait, submits the
// set for review, downloads the persona card as PDF with the page's button (which waits for the
// render job; the file has pages, the persona's name, and a page that is not blank once rendered
// to PNG with pdftoppm) and as PNG through the job URLs, and the personas as CSV; a
// researcher cannot approve; the strategist approves and shares the set; the shared link shows
// the set without sign-in and stops working once revoked. axe finds no serious or critical
// problems on the gallery and persona pages; screenshots go to test-results/screenshots/.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  openPage,
  saveScreenshot,
  type RunningApp,
  signIn,
  expectNoSeriousA11yIssues,
  useAppAndBrowser,
} from "./harness";
import { fetchRendered, inkShare, pdfInfo, pdfText, renderPdfPage } from "./pdf-checks";
import { ensureDemoAnalysis } from "./seed-survey";

const STRATEGIST = "strategist@demo.personaatlas.test";
const RESEARCHER = "researcher@demo.personaatlas.test";
const MESSAGE = "E2E: lead with the total monthly cost, not the sticker price.";
const COMMENT = "E2E: is this trait strong enough to lead the pitch?";

let app: RunningApp;
let browser: Browser;
let strategist: Page;
let personaUrl = "";
let personaName = "";
let galleryUrl = "";
let shareUrl = "";
const workDir = mkdtempSync(path.join(os.tmpdir(), "persona-atlas-review-e2e-"));

useAppAndBrowser(
  { beforeStart: (env) => ensureDemoAnalysis(env) },
  (started) => ({ app, browser } = started),
);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** Calls a tRPC mutation with the page's session, as the browser would. */
async function trpcMutation(context: BrowserContext, procedure: string, input: unknown) {
  const response = await context.request.post(`${app.baseUrl}/api/trpc/${procedure}`, {
    data: { json: input },
    headers: { "content-type": "application/json" },
  });
  return { status: response.status(), body: (await response.json()) as unknown };
}

describe("strategist review", () => {
  it("a strategist opens the gallery and a persona, edits the marketing message and comments on a trait", async () => {
    strategist = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(strategist, app.baseUrl, STRATEGIST);
    await strategist
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Personas" })
      .click();
    await strategist.getByRole("heading", { name: /Persona gallery/ }).waitFor();
    galleryUrl = strategist.url();

    const cards = strategist.locator(".pa-gallery-card");
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    const avatar = await cards.first().locator("img.pa-avatar").getAttribute("src");
    expect(avatar).toMatch(/^data:image\/svg\+xml/);
    expect(await cards.first().locator(".pa-stability").textContent()).toMatch(
      /^(stable|uncertain|unstable)( \(borderline\))? · Jaccard \d\.\d\d ± \d\.\d\d$/,
    );
    expect(await cards.first().locator(".pa-share").textContent()).toMatch(/95 % CI \d+ %–\d+ %/);
    expect(await strategist.locator("#review-title .pa-review").textContent()).toBe("Draft");
    await saveScreenshot(strategist, "review-gallery");
    await expectNoSeriousA11yIssues(strategist);

    const link = cards.first().locator("h3 a");
    personaName = (await link.textContent()) ?? "";
    expect(personaName.length).toBeGreaterThan(2);
    await link.click();
    await strategist.waitForURL(/\/personas\/\d+$/);
    personaUrl = strategist.url();
    await strategist.getByRole("heading", { level: 1, name: personaName }).waitFor();

    // Edit the marketing message; the field is then marked as person-written.
    const field = strategist.locator("article.pa-field", {
      has: strategist.getByRole("heading", { name: "Marketing message", exact: true }),
    });
    const draftBefore = (await field.locator(".pa-field-text").textContent()) ?? "";
    expect(await field.locator(".pa-field-head .badge").textContent()).toBe("Generated draft");
    await field.getByRole("button", { name: "Edit marketing message" }).click();
    const box = strategist.getByRole("textbox", { name: "Marketing message" });
    await box.fill(MESSAGE);
    await strategist.getByRole("button", { name: "Save marketing message" }).click();
    await field.locator(".pa-field-text", { hasText: MESSAGE }).waitFor();
    expect(await field.locator(".pa-field-head .badge").textContent()).toBe("Written by a person");

    // The history shows the change, before and after.
    const row = strategist.locator("table.pa-history tbody tr").first();
    await row.getByText(MESSAGE).waitFor();
    expect(await row.locator("th").textContent()).toBe("Marketing message");
    expect(await row.locator("td").nth(1).textContent()).toBe("Edited");
    expect((await row.locator("td").nth(2).textContent())?.replace(/\s+/g, " ").trim()).toBe(
      draftBefore.replace(/\s+/g, " ").trim(),
    );
    expect(await row.locator("td").last().textContent()).toBe("Sofia Strategist");

    // Comment on the strongest distinguishing trait.
    const traitRow = strategist.locator("table.pa-traits tbody tr").first();
    await traitRow.getByRole("link", { name: /^Discuss/ }).click();
    const about = strategist.locator("#discussion").getByRole("combobox", { name: "About" });
    await strategist.waitForFunction(() => {
      const select = document.querySelector<HTMLSelectElement>("#discussion select");
      return select !== null && select.value !== "persona";
    });
    const chosen = await about.evaluate(
      (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? "",
    );
    expect(chosen).toMatch(/^Trait: /);
    const traitLabel = chosen.replace(/^Trait: /, "");
    expect(await traitRow.locator("th").textContent()).toContain(traitLabel);
    await strategist.locator("#discussion").getByRole("textbox", { name: "Comment" }).fill(COMMENT);
    await strategist.getByRole("button", { name: "Post comment" }).click();
    const thread = strategist.locator(".pa-thread", { hasText: COMMENT });
    await thread.waitFor();
    expect(await thread.locator(".pa-thread-target").textContent()).toContain(
      `On the trait “${traitLabel}`,
    );

    await saveScreenshot(strategist, "review-persona-page");
    await expectNoSeriousA11yIssues(strategist);
  }, 180_000);

  it("downloads the persona card as PDF and PNG, and the personas as CSV", async () => {
    expect(personaUrl).not.toBe("");
    const api = personaUrl.replace(
      /\/w\/([^/]+)\/personas\/runs\/([^/]+)\/personas\/(\d+)$/,
      "/api/v1/workspaces/$1/runs/$2/personas/$3",
    );
    const context = strategist.context();

    // The PDF through the page's button: it says where the render stands, then the browser
    // downloads the file.
    await strategist.goto(personaUrl);
    const button = strategist.getByRole("button", { name: "Download PDF" });
    const [pdf] = await Promise.all([
      strategist.waitForEvent("download", { timeout: 90_000 }),
      button.click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^.+\.pdf$/);
    await strategist.getByRole("status").filter({ hasText: "Your PDF is ready" }).waitFor();
    const pdfFile = path.join(workDir, "persona.pdf");
    await pdf.saveAs(pdfFile);
    const pdfBody = readFileSync(pdfFile);
    expect(pdfBody.subarray(0, 5).toString()).toBe("%PDF-");
    const info = pdfInfo(pdfFile);
    // One card, one sheet: no empty second page.
    expect(info.pages).toBe(1);
    // A4 landscape: 842 x 595 points.
    expect(info.width).toBeCloseTo(842, -1);
    expect(info.height).toBeCloseTo(595, -1);
    const text = pdfText(pdfFile);
    expect(text).toContain(personaName);
    // The forest plot's tick numbers stand apart (they once ran together as "-5.0-4.0-3.0").
    expect(text).not.toMatch(/\d\.\d[−-]\d\.\d[−-]\d/);
    expect(text).toContain(MESSAGE.slice(0, 30));
    // Page 1 as PNG (poppler's pdftoppm), kept with the screenshots; it must carry ink.
    const pagePng = renderPdfPage(pdfFile, 1, "review-persona-card-pdf-page1");
    const ink = await inkShare(strategist, pagePng);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.9);

    // The PNG as an API client fetches it: ask, poll the job, fetch the file.
    const png = await fetchRendered(context.request, `${api}/png`);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const pngBody = await png.body();
    expect(pngBody.subarray(1, 4).toString()).toBe("PNG");
    expect(await inkShare(strategist, pngBody)).toBeGreaterThan(0.02);

    const exportUrl = api.replace(/\/personas\/\d+$/, "/export?dataset=personas&format=csv");
    const csv = await context.request.get(exportUrl);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const parsed = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        "name",
        "marketingMessage",
        "marketingMessage_source",
        "share_lower",
      ]),
    );
    const edited = parsed.data.find((r) => r.name === personaName);
    expect(edited?.marketingMessage).toBe(MESSAGE);
    expect(edited?.marketingMessage_source).toBe("person");
    expect(parsed.data.filter((r) => r.marketingMessage_source === "person")).toHaveLength(1);
  }, 180_000);

  it("a researcher cannot approve; the strategist approves and shares the set read-only until revoked", async () => {
    expect(galleryUrl).not.toBe("");
    await strategist.goto(galleryUrl);
    await strategist.getByRole("button", { name: "Submit for review" }).click();
    await strategist.getByRole("button", { name: "Approve" }).waitFor();

    // The researcher sees the set in review, but no way to approve it, and the server refuses.
    const researcher = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signIn(researcher, app.baseUrl, RESEARCHER);
    await researcher.goto(galleryUrl);
    await researcher.getByRole("heading", { name: /Persona gallery/ }).waitFor();
    expect(await researcher.locator("#review-title .pa-review").textContent()).toBe("In review");
    expect(await researcher.getByRole("button", { name: "Approve" }).count()).toBe(0);
    expect(
      await researcher.getByText("Strategists and owners review and approve persona sets.").count(),
    ).toBe(1);
    const [, workspaceId, runId] = /\/w\/([^/]+)\/personas\/runs\/([^/]+)\//.exec(personaUrl) ?? [];
    const refused = await trpcMutation(researcher.context(), "review.transition", {
      workspaceId,
      runId,
      from: "IN_REVIEW",
      to: "APPROVED",
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain(
      "This needs the owner or strategist role; you are a researcher here.",
    );
    await researcher.close();

    await strategist.getByLabel(/^Note/).fill("Approved in the e2e test.");
    await strategist.getByRole("button", { name: "Approve" }).click();
    await strategist.getByRole("button", { name: "Reopen review" }).waitFor();
    expect(await strategist.locator("#review-title .pa-review").textContent()).toBe("Approved");
    const log = strategist.locator("ol.pa-log li");
    expect(await log.count()).toBe(2);
    expect(await log.first().textContent()).toContain("Approved in the e2e test.");

    await strategist.getByRole("button", { name: "Create share link" }).click();
    const linkField = strategist.getByLabel("New share link");
    await linkField.waitFor();
    shareUrl = await linkField.inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

    // Someone without an account opens it.
    const visitor = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await visitor.goto(shareUrl);
    await visitor.getByRole("heading", { level: 1, name: /^Personas: / }).waitFor();
    expect(await visitor.locator(".pa-gallery-card").count()).toBeGreaterThanOrEqual(2);
    expect(await visitor.getByRole("button").count()).toBe(0);
    await saveScreenshot(visitor, "review-shared-gallery");
    await expectNoSeriousA11yIssues(visitor);
    await visitor.getByRole("link", { name: personaName }).click();
    await visitor.getByRole("heading", { level: 1, name: personaName }).waitFor();
    expect(await visitor.getByText(MESSAGE).count()).toBe(1);
    // Read only: the only buttons are the glossary's, which explain a statistic.
    expect(await visitor.locator("button:not(.glossary-button)").count()).toBe(0);
    expect(await visitor.getByRole("button", { name: /^What is q/ }).count()).toBeGreaterThan(0);
    expect(await visitor.getByText("Sofia Strategist").count()).toBe(0);
    const sharedPersonaUrl = visitor.url();

    // Revoked: the same links answer 404, and politely that they may have been switched off.
    await strategist.getByRole("button", { name: /^Revoke/ }).click();
    await strategist.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    // Wait for the link's own line to say so: a looser match on the whole panel ("…until the link
    // is revoked…" beside a date) was true before the revoke reached the server.
    await strategist
      .locator("ul.pa-links")
      .getByText(/^revoked .*\d{4}/)
      .waitFor();
    for (const url of [shareUrl, sharedPersonaUrl, shareUrl.replace(/.{8}$/, "AAAAAAAA")]) {
      const response = await visitor.goto(url);
      expect(response?.status()).toBe(404);
      await visitor.getByRole("heading", { name: "This link does not work" }).waitFor();
      expect(await visitor.getByText(/switched it off/).count()).toBe(1);
      expect(await visitor.getByText(personaName).count()).toBe(0);
    }
    await visitor.close();

    // Approved: the persona's discussion and ratings are locked, and the page says why.
    await strategist.goto(personaUrl);
    await strategist.getByText(/its discussion is locked/).waitFor();
    expect(await strategist.getByRole("button", { name: "Post comment" }).count()).toBe(0);
    expect(await strategist.getByText(/its ratings are locked/).count()).toBe(1);
  }, 180_000);

  it("maps respondents by persona, compares personas and presents them one per screen with the keyboard", async () => {
    const runUrl = personaUrl.replace(/\/personas\/\d+$/, "");
    await strategist.goto(runUrl);
    const map = strategist.locator("section", {
      has: strategist.getByRole("heading", { name: "Map of respondents" }),
    });
    const centres = map.locator("table tbody tr");
    await centres.first().waitFor({ timeout: 60_000 });
    const personas = await strategist.locator(".pa-cards > li").count();
    expect(await centres.count()).toBe(personas);
    expect(await map.getByText(/^All \d+ clustered respondents\./).count()).toBe(1);
    expect(await map.locator(".recharts-scatter-symbol").count()).toBeGreaterThan(100);
    await map.screenshot({ path: path.join("test-results", "screenshots", "review-run-map.png") });

    await strategist.goto(`${runUrl}/compare?p=0&p=1`);
    await strategist.getByRole("heading", { name: "Trait by trait" }).waitFor();
    expect(await strategist.locator("table.pa-compare").first().locator("thead th").count()).toBe(
      3,
    );
    // Stage by stage from the demo journey map that the run filled: both personas at Purchase.
    const stages = strategist.getByRole("region", { name: "Stage by stage" });
    const purchase = stages.getByRole("row", { name: /^Purchase/ });
    const cells = await purchase.locator("td").allTextContents();
    expect(cells).toHaveLength(2);
    for (const text of cells) expect(text).toMatch(/^emotion [+−]?\d\.\d\d .*pain \d+ \[/);
    await expectNoSeriousA11yIssues(strategist);

    await strategist.goto(`${runUrl}/present`);
    const region = strategist.getByRole("region", { name: /^Personas of / });
    await region.waitFor();
    // Wait until the slide region has focus, i.e. the keys are handled.
    await strategist.waitForFunction(() =>
      document.activeElement?.classList.contains("pa-present"),
    );
    const first = await strategist.locator(".pa-present-head h2").textContent();
    await strategist.keyboard.press("ArrowRight");
    await strategist.waitForFunction(
      (name) => document.querySelector(".pa-present-head h2")?.textContent !== name,
      first,
    );
    await strategist.keyboard.press("PageUp");
    await strategist.waitForFunction(
      (name) => document.querySelector(".pa-present-head h2")?.textContent === name,
      first,
    );
    await strategist.keyboard.press("Escape");
    await strategist.waitForURL(/\/personas\?run=/);
    await strategist.close();
  }, 120_000);
});
