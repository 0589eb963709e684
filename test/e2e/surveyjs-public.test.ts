// A SurveyJS file, imported through the app's service and published, answered on the public
// page in Chromium: its rating grid by keyboard only (Tab between rows, Space and arrow keys
// within one), a "Do you have kids?" question whose compound conditions hide two required kid
// questions for "No" and demand them for "Yes", an "Other" choice with its text box, and the
// file's page titles. The answers are then read back through the response export: one column
// per grid row and a column for the Other text. axe checks the grid page.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { getSurveyForEditing, publishSurvey } from "~/server/features/surveys/surveys";
import { importSurveyJs } from "~/server/features/surveys/surveyjs";
import {
  expectNoSeriousA11yIssues,
  openPage,
  heading,
  saveScreenshot,
  signIn,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { demoOwnerActor, demoOwnerEmail, withSeedDatabase } from "./seed-survey";

/** A clinic feedback survey in SurveyJS's own format: three pages, each with a title. */
const clinicSurvey = {
  title: "Your clinic visit",
  pages: [
    {
      name: "visit",
      title: { default: "About your visit", de: "Über Ihren Besuch" },
      elements: [
        {
          type: "matrix",
          name: "VisitSteps",
          title: "How easy was each step of your visit?",
          isAllRowRequired: true,
          columns: [
            { value: 1, text: "Very hard" },
            { value: 2, text: "Hard" },
            { value: 3, text: "Neither" },
            { value: 4, text: "Easy" },
            { value: 5, text: "Very easy" },
          ],
          rows: ["Booking|Booking the appointment", "Waiting|Waiting to be seen", "Billing|Paying"],
        },
      ],
    },
    {
      name: "family",
      title: { default: "Your family", de: "Ihre Familie" },
      elements: [
        {
          type: "radiogroup",
          name: "HasKids",
          title: "Do you have kids?",
          isRequired: true,
          choices: ["home|Yes, living with me", "grown|Yes, grown up", "no|No"],
        },
        {
          type: "dropdown",
          name: "YoungestAge",
          title: "How old is your youngest child?",
          isRequired: true,
          visibleIf: "{HasKids} = 'home' or {HasKids} = 'grown'",
          choices: ["under6|Under 6", "6to17|6 to 17", "adult|18 or older"],
        },
        {
          type: "text",
          inputType: "number",
          name: "OldestAge",
          title: "How old is your oldest child?",
          isRequired: true,
          min: 0,
          max: 80,
          visibleIf: "{HasKids} notempty and {HasKids} != 'no'",
        },
      ],
    },
    {
      name: "booking",
      title: { default: "How you booked", de: "Wie Sie gebucht haben" },
      elements: [
        {
          type: "radiogroup",
          name: "BookedBy",
          title: "How did you book the visit?",
          isRequired: true,
          choices: ["online|Online", "phone|By phone"],
          showOtherItem: true,
        },
      ],
    },
  ],
};

interface Seeded {
  slug: string;
  surveyId: string;
  workspaceId: string;
  /** our question key for each SurveyJS name */
  key: Record<string, string>;
  required: Record<string, boolean>;
}

let app: RunningApp;
let browser: Browser;
let seeded: Seeded;

async function seed(env: NodeJS.ProcessEnv): Promise<Seeded> {
  return withSeedDatabase(env, async (prisma) => {
    const actor = await demoOwnerActor(prisma);
    const imported = await importSurveyJs(prisma, actor, { json: JSON.stringify(clinicSurvey) });
    expect(imported.unmappedCount).toBe(0);
    const survey = await getSurveyForEditing(prisma, actor, imported.id);
    await publishSurvey(prisma, actor, imported.id);
    const key: Record<string, string> = {};
    const required: Record<string, boolean> = {};
    for (const q of survey.questions) {
      const name = q.settings.surveyJs?.name ?? q.key;
      key[name] = q.key;
      required[name] = q.required;
    }
    return {
      slug: imported.slug,
      surveyId: imported.id,
      workspaceId: actor.workspaceId,
      key,
      required,
    };
  });
}

useAppAndBrowser(
  {
    beforeStart: async (env) => {
      seeded = await seed(env);
    },
  },
  (started) => ({ app, browser } = started),
);

const group = (page: Page, name: string) => page.locator(`#q-${seeded.key[name]}`);
const focusedRadio = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement && el.type === "radio" ? el.name : null;
  });
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

/** Presses Tab until `reached` holds, so the test proves the keyboard gets there. */
async function tabUntil(page: Page, reached: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press("Tab");
    if (await reached()) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe("an imported SurveyJS survey on the public page", () => {
  it("is answered by keyboard and its stored answers export per grid row and Other text", async () => {
    // Every question that asked for an answer in the file still does, grid included.
    expect(seeded.required).toEqual({
      VisitSteps: true,
      HasKids: true,
      YoungestAge: true,
      OldestAge: true,
      BookedBy: true,
    });
    const page = await openPage(browser, { locale: "en-GB" });
    await page.goto(`${app.baseUrl}/s/${seeded.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    await heading(page, "Page 1 of 3").waitFor();
    await heading(page, "About your visit").waitFor();
    const grid = group(page, "VisitSteps");
    await grid.getByRole("table").waitFor();
    await saveScreenshot(page, "surveyjs-matrix");
    await expectNoSeriousA11yIssues(page);

    // Keyboard only: Tab into each row, Space picks the focused point, arrows move along it.
    const rowName = (row: string) => `q-${seeded.key.VisitSteps}-${row}`;
    await tabUntil(page, async () => (await focusedRadio(page)) === rowName("booking"), "row 1");
    await page.keyboard.press("Space");
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Tab");
    expect(await focusedRadio(page)).toBe(rowName("waiting"));
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    // Billing left unrated: the required grid holds the respondent on this page.
    await tabUntil(page, async () => (await focusedText(page)) === "Next", "Next");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByText("One answer needs your attention.").waitFor();
    await heading(page, "Page 1 of 3").waitFor();
    await expectNoSeriousA11yIssues(page);
    await tabUntil(page, async () => (await focusedRadio(page)) === rowName("billing"), "row 3");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowLeft"); // wraps round to the last point
    const checked = (row: string) =>
      grid.locator(`input[name="${rowName(row)}"]:checked`).getAttribute("value");
    expect(await checked("booking")).toBe("4");
    expect(await checked("waiting")).toBe("2");
    expect(await checked("billing")).toBe("5");
    await tabUntil(page, async () => (await focusedText(page)) === "Next", "Next");
    await page.keyboard.press("Enter");

    // "Yes" shows both kid questions and requires them; "No" hides them and lets us go on.
    await heading(page, "Page 2 of 3").waitFor();
    await heading(page, "Your family").waitFor();
    expect(await group(page, "YoungestAge").count()).toBe(0);
    await group(page, "HasKids").getByRole("radio", { name: "Yes, living with me" }).check();
    await group(page, "YoungestAge").waitFor();
    await group(page, "OldestAge").waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("alert").getByText("2 answers need your attention.").waitFor();
    expect(await page.getByText("Please answer this question.").count()).toBe(2);
    await group(page, "HasKids").getByRole("radio", { name: "No", exact: true }).check();
    await group(page, "YoungestAge").waitFor({ state: "detached" });
    expect(await group(page, "OldestAge").count()).toBe(0);
    await page.getByRole("button", { name: "Next" }).click();

    // "Other" opens its text box, which must be filled before the survey completes.
    await heading(page, "Page 3 of 3").waitFor();
    await heading(page, "How you booked").waitFor();
    await group(page, "BookedBy")
      .getByRole("radio", { name: /^Other/ })
      .check();
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("alert").getByText("One answer needs your attention.").waitFor();
    await group(page, "BookedBy").getByLabel("Please specify").fill("My daughter rang for me");
    await page.getByRole("button", { name: "Submit" }).click();
    await heading(page, "Thank you!").waitFor();
    await page.close();

    // What was stored, read through the export a researcher downloads.
    const researcher = await openPage(browser);
    await signIn(researcher, app.baseUrl, demoOwnerEmail);
    const download = await researcher.request.get(
      `${app.baseUrl}/api/v1/workspaces/${seeded.workspaceId}/surveys/${seeded.surveyId}/responses/export?format=json`,
    );
    expect(download.status()).toBe(200);
    const rows = (await download.json()) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const { key } = seeded;
    expect(rows[0]).toMatchObject({
      [`${key.VisitSteps}__booking`]: 4,
      [`${key.VisitSteps}__waiting`]: 2,
      [`${key.VisitSteps}__billing`]: 5,
      [key.HasKids as string]: "no",
      [key.YoungestAge as string]: null,
      [key.OldestAge as string]: null,
      [key.BookedBy as string]: "other",
      [`${key.BookedBy}-Comment`]: "My daughter rang for me",
    });
    await researcher.close();
  }, 60_000);
});
