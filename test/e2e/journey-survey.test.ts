// The survey journey end to end, in Chromium against the built app: a researcher signs in,
// builds a journey survey from the template and publishes it; a customer answers it on a
// phone-sized screen with the keyboard only, reloads half-way and resumes, and submits; the
// researcher sees the response, downloads the CSV (header and answers checked), and the CSV
// import recognises the file as already imported. A SurveyJS file becomes a draft survey through
// the new-survey page, with what it could not map listed, and the builder exports it again.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectNoSeriousA11yIssues,
  heading,
  openPage,
  saveScreenshot,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";

let app: RunningApp;
let browser: Browser;

const phone = { viewport: { width: 375, height: 740 }, hasTouch: true, locale: "en-GB" };

useAppAndBrowser({}, (started) => ({ app, browser } = started));

/** Signs in as the seeded demo researcher; returns the workspace's base URL. */
async function signInAsResearcher(page: Page): Promise<string> {
  await page.goto(`${app.baseUrl}/`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel("Email", { exact: true }).fill("researcher@demo.personaatlas.test");
  await page.getByLabel("Password", { exact: true }).fill("persona-atlas-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/[^/]+\/surveys$/);
  return page.url().replace(/\/surveys$/, "");
}

const focusedGroup = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("fieldset")?.id ?? null);
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

/** Tabs forward until the keyboard is inside the question's group. */
async function tabToGroup(page: Page, key: string, maxPresses = 15) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    if ((await focusedGroup(page)) === `q-${key}`) return;
  }
  throw new Error(`Tab never reached the question "${key}"`);
}

async function tabTo(page: Page, text: string, maxPresses = 15) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** In a group of radios nobody chose yet: Space picks the first, each arrow the next one. */
async function pick(page: Page, key: string, steps: number) {
  await tabToGroup(page, key);
  if (steps === 0) await page.keyboard.press("Space");
  for (let i = 0; i < steps; i += 1) await page.keyboard.press("ArrowRight");
}

async function next(page: Page, expectedPage: string) {
  await tabTo(page, "Next");
  await page.keyboard.press("Enter");
  await heading(page, expectedPage).waitFor();
}

const stages = [
  { key: "discovery_1", emotion: 1, pain: 2, thought: "Too many brands, too little time." },
  { key: "comparing_2", emotion: 3, pain: 3, thought: "=cheaper online, but is it true?" },
  { key: "considering_3", emotion: 4, pain: 1, thought: 'The test drive "sold" it.' },
  { key: "purchase_4", emotion: 2, pain: 4, thought: "Paperwork took ages." },
  { key: "post_purchase_5", emotion: 3, pain: 1, thought: "Happy so far." },
];

describe("a journey survey from template to CSV", () => {
  it("is built, published, answered by keyboard on a phone with a resume, and exported", async () => {
    const researcher = await openPage(browser, { acceptDownloads: true });
    const workspaceUrl = await signInAsResearcher(researcher);

    // Build from the journey template, with a new map from the car-buying template.
    await researcher.goto(`${workspaceUrl}/surveys/new`);
    await heading(researcher, "New survey").waitFor();
    await researcher.getByLabel("Survey title").fill("E2E car journey");
    await researcher
      .getByRole("radio", { name: "Create a new journey map from a template" })
      .check();
    await researcher.getByLabel("Journey map name").fill("E2E car journey map");
    await researcher.getByRole("button", { name: "Create survey" }).click();
    await researcher.waitForURL(/\/surveys\/(?!new)[^/]+$/);
    const builderUrl = researcher.url();
    await heading(researcher, "E2E car journey").waitFor();

    await researcher.getByRole("button", { name: "Publish version 1" }).click();
    await researcher.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
    await researcher.getByText("Version 1 is published").waitFor();
    const publicLink = await researcher.getByLabel("Public link").inputValue();
    expect(publicLink).toMatch(/\/s\/[a-z0-9]+$/);

    // The customer, on a phone, keyboard only.
    const customer = await openPage(browser, phone);
    const saves: number[] = [];
    customer.on("response", (r) => {
      if (r.url().includes("/api/v1/public/surveys/")) saves.push(r.status());
    });
    await customer.goto(publicLink);
    await customer.locator('form[data-ready="true"]').waitFor();
    await heading(customer, "Page 1 of 7").waitFor();
    await expectNoSeriousA11yIssues(customer);

    await pick(customer, "price_focus", 3); // 4
    await pick(customer, "research_depth", 1); // 2
    await pick(customer, "advice_seeking", 4); // 5
    await pick(customer, "main_channel", 0); // online
    await next(customer, "Page 2 of 7");

    for (const [i, stage] of stages.entries()) {
      if (i === 3) {
        // Half-way: reload; the same page comes back with the answers so far.
        await customer.reload();
        await customer.locator('form[data-ready="true"]').waitFor();
        await heading(customer, "Page 5 of 7").waitFor();
        await customer.getByText("Welcome back. You can continue where you left off.").waitFor();
        await customer.getByRole("button", { name: "Back" }).click();
        await heading(customer, "Page 4 of 7").waitFor();
        expect(await customer.locator("#q-considering_3_thought textarea").inputValue()).toBe(
          stages[2]?.thought,
        );
        await customer.getByRole("button", { name: "Next" }).click();
        await heading(customer, "Page 5 of 7").waitFor();
      }
      await pick(customer, `${stage.key}_emotion`, stage.emotion);
      await pick(customer, `${stage.key}_pain`, stage.pain);
      await customer.keyboard.press("Tab");
      await customer.keyboard.type(stage.thought);
      if (i === 2) {
        // Wait for the background save that the resume relies on.
        const saved = customer.waitForResponse((r) => r.url().includes("/api/v1/public/surveys/"));
        await next(customer, "Page 5 of 7");
        expect((await saved).status()).toBe(200);
      } else await next(customer, `Page ${i + 3} of 7`);
    }

    await tabToGroup(customer, "age");
    await customer.keyboard.type("41");
    await pick(customer, "occupation", 0); // employee
    await pick(customer, "recommend", 9);
    await saveScreenshot(customer, "journey-survey-last-page");
    await tabTo(customer, "Submit", 20);
    await customer.keyboard.press("Enter");
    await heading(customer, "Thank you!").waitFor();
    expect(saves.every((s) => s === 200)).toBe(true);
    await customer.close();

    // The researcher sees the response and downloads the CSV.
    await researcher.goto(`${builderUrl}/responses`);
    await researcher.getByText("Showing 1–1 of 1 response").waitFor();
    await researcher.getByRole("cell", { name: "Complete" }).waitFor();
    const [download] = await Promise.all([
      researcher.waitForEvent("download"),
      researcher.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("e2e-car-journey-responses.csv");
    const csvPath = await download.path();
    const csv = readFileSync(csvPath, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([
      "response_id",
      "version",
      "status",
      "started_at",
      "completed_at",
      "locale",
      "price_focus",
      "research_depth",
      "advice_seeking",
      "main_channel",
      ...stages.flatMap((s) => [`${s.key}_emotion`, `${s.key}_pain`, `${s.key}_thought`]),
      "age",
      "occupation",
      "hassle_free",
      "overpaying",
      "recommend",
    ]);
    expect(parsed.data).toHaveLength(1);
    const row = parsed.data[0] as Record<string, string>;
    expect(row).toMatchObject({
      version: "1",
      status: "COMPLETE",
      locale: "en",
      price_focus: "4",
      research_depth: "2",
      advice_seeking: "5",
      main_channel: "online",
      age: "41",
      occupation: "employee",
      recommend: "9",
    });
    for (const s of stages) {
      expect(row[`${s.key}_emotion`]).toBe(String(s.emotion - 2));
      expect(row[`${s.key}_pain`]).toBe(String(s.pain));
      // A text starting with "=" is neutralised so a spreadsheet shows it as text.
      expect(row[`${s.key}_thought`]).toBe(s.thought.startsWith("=") ? `'${s.thought}` : s.thought);
    }

    // The CSV import recognises its own export: the response is already there.
    await researcher.getByRole("link", { name: "Import CSV" }).click();
    await heading(researcher, "Import responses").waitFor();
    await researcher.getByLabel("CSV file").setInputFiles(csvPath);
    await heading(researcher, "3. Preview").waitFor();
    const counts = researcher.locator(".import-counts").first();
    await counts.getByText("Already imported").waitFor();
    expect(
      await counts.locator("div", { hasText: "Already imported" }).locator("dd").textContent(),
    ).toBe("1");
    await researcher.getByRole("button", { name: "Import 0 responses" }).waitFor();
    await saveScreenshot(researcher, "response-import-preview");
    await expectNoSeriousA11yIssues(researcher);
    await researcher.close();
  });

  it("imports a SurveyJS file as a draft survey and exports it again", async () => {
    const researcher = await openPage(browser, { acceptDownloads: true });
    const workspaceUrl = await signInAsResearcher(researcher);
    await researcher.goto(`${workspaceUrl}/surveys/new?kind=surveyjs`);
    const fixture = readFileSync(
      new URL("../fixtures/surveyjs-car-buying.json", import.meta.url),
      "utf8",
    );
    await researcher.getByLabel("Or paste the JSON").fill(fixture);
    await researcher
      .getByLabel("Journey map", { exact: true })
      .selectOption({ label: "No journey map" });
    await researcher.getByRole("button", { name: "Check the file" }).click();
    await heading(researcher, "18 questions on 4 pages will be imported").waitFor();
    // The dealer grid is a matrix question now; only display content and uploads are left out.
    await researcher.getByText('Question "receipt" (file)').waitFor();
    expect(await researcher.getByText('Question "dealer_matrix" (matrix)').count()).toBe(0);
    await saveScreenshot(researcher, "surveyjs-import-preview");
    await expectNoSeriousA11yIssues(researcher);

    await researcher.getByRole("button", { name: "Create draft survey" }).click();
    await researcher.waitForURL(/\/surveys\/(?!new)[^/]+$/);
    await heading(researcher, "Buying your car").waitFor();
    const [download] = await Promise.all([
      researcher.waitForEvent("download"),
      researcher.getByRole("button", { name: "Export SurveyJS JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("buying-your-car-surveyjs.json");
    const exported = JSON.parse(readFileSync(await download.path(), "utf8")) as {
      pages: { elements: unknown[] }[];
    };
    expect(exported.pages.flatMap((p) => p.elements)).toHaveLength(18);

    // The builder's import dialog checks a file and hands its questions to the draft.
    await researcher.getByRole("button", { name: "Import from SurveyJS…" }).click();
    const dialog = researcher.getByRole("dialog", { name: "Import from SurveyJS" });
    await dialog.getByLabel("Or paste the JSON").fill(JSON.stringify(exported));
    await dialog.getByRole("button", { name: "Check the file" }).click();
    await dialog.getByRole("heading", { name: "Nothing was left out" }).waitFor();
    await saveScreenshot(researcher, "builder-surveyjs-dialog");
    await expectNoSeriousA11yIssues(researcher);
    await dialog.getByRole("button", { name: "Replace the draft’s questions" }).click();
    await researcher
      .getByText("Replaced the draft's questions with 18 imported questions.", { exact: false })
      .first()
      .waitFor();
    await researcher.close();
  });
});
