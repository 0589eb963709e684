// The public respondent page end to end, in Chromium on a phone-sized screen: a customer
// answers with the keyboard, is stopped with readable errors, reloads half-way and resumes,
// submits once and sees the thank-you page; the page speaks German to a German browser; closed
// and unknown surveys are explained; axe finds no serious or critical problems.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  expectNoSeriousA11yIssues,
  heading,
  openPage,
  saveScreenshot,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { seedRespondentSurveys, type SeededSurveys } from "./seed-survey";

let app: RunningApp;
let browser: Browser;
let seeded: SeededSurveys;

const phone = { viewport: { width: 375, height: 740 }, hasTouch: true };

useAppAndBrowser(
  {
    beforeStart: async (env) => {
      seeded = await seedRespondentSurveys(env);
    },
  },
  (started) => ({ app, browser } = started),
);

async function openSurvey(page: Page, slug = seeded.openSlug) {
  await page.goto(`${app.baseUrl}/s/${slug}`);
  await page.locator('form[data-ready="true"]').waitFor();
}

const group = (page: Page, key: string) => page.locator(`#q-${key}`);

/** The fieldset around the focused element, to prove where the keyboard is. */
const focusedGroup = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("fieldset")?.id ?? null);
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

async function tabTo(page: Page, text: string, maxPresses = 8) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

describe("the public respondent page", () => {
  it("a customer answers with the keyboard on a phone, resumes after a reload and submits once", async () => {
    const page = await openPage(browser, { ...phone, locale: "en-GB" });
    const saves: { complete: boolean; status: number }[] = [];
    page.on("response", (response) => {
      if (!response.url().includes("/api/v1/public/surveys/")) return;
      const body = JSON.parse(response.request().postData() ?? "{}") as { complete?: boolean };
      saves.push({ complete: body.complete === true, status: response.status() });
    });
    await openSurvey(page);
    await heading(page, "Buying your car").waitFor();
    const progress = page.getByRole("progressbar");
    expect(await progress.getAttribute("aria-valuenow")).toBe("1");
    expect(await progress.getAttribute("aria-valuemax")).toBe("4"); // the showroom page is hidden
    await heading(page, "Page 1 of 4").waitFor();
    expect(await group(page, "price_focus").locator("legend").textContent()).toContain(
      "(required)",
    );
    await saveScreenshot(page, "respondent-page");
    await expectNoSeriousA11yIssues(page);

    // Next with nothing answered: errors next to the questions, focus on the first one.
    await page.getByRole("button", { name: "Next" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("alert").getByText("2 answers need your attention.").waitFor();
    expect(await group(page, "price_focus").getByText("Please answer this question.").count()).toBe(
      1,
    );
    expect(await focusedGroup(page)).toBe("q-price_focus");
    const describedBy = await group(page, "price_focus").getAttribute("aria-describedby");
    expect(describedBy).toContain("q-price_focus-error");
    await expectNoSeriousA11yIssues(page);

    // Arrow keys move through the scale and choose; Tab goes on to the next group; Space picks.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await group(page, "price_focus").getByRole("radio", { name: "4" }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press("Tab");
    expect(await focusedGroup(page)).toBe("q-main_channel");
    await page.keyboard.press("Space");
    expect(await group(page, "main_channel").locator("input:checked").count()).toBe(1);
    expect(await page.getByText("Please answer this question.").count()).toBe(0);
    await tabTo(page, "Next");
    await page.keyboard.press("Enter");

    // Page 2: the emotion scale (words and faces) and pain severity, by keyboard only.
    await heading(page, "Page 2 of 4").waitFor();
    await group(page, "research_emotion").getByText("Very positive").waitFor();
    await saveScreenshot(page, "respondent-scales");
    await page.keyboard.press("Tab");
    expect(await focusedGroup(page)).toBe("q-research_emotion");
    for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Positive", exact: true }).isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusedGroup(page)).toBe("q-research_pain");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "2 Moderate" }).isChecked()).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.type("The dealer websites all looked the same.");
    await tabTo(page, "Next");
    const partialSave = page.waitForResponse((r) => r.url().includes("/api/v1/public/surveys/"));
    await page.keyboard.press("Enter");
    expect((await partialSave).status()).toBe(200); // saved in the background after the page

    // Page 3: display logic adds the showroom page for "Yes" and skips it again for "No".
    await heading(page, "Page 3 of 4").waitFor();
    await group(page, "showroom").getByRole("radio", { name: "Yes" }).check();
    await heading(page, "Page 3 of 5").waitFor();
    await group(page, "showroom").getByRole("radio", { name: "No" }).check();
    await heading(page, "Page 3 of 4").waitFor();

    // Half-way reload: same page, answers kept.
    await page.reload();
    await page.locator('form[data-ready="true"]').waitFor();
    await heading(page, "Page 3 of 4").waitFor();
    await page.getByText("Welcome back. You can continue where you left off.").waitFor();
    expect(await group(page, "showroom").getByRole("radio", { name: "No" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Back" }).click();
    await heading(page, "Page 2 of 4").waitFor();
    expect(await page.getByRole("radio", { name: "Positive", exact: true }).isChecked()).toBe(true);
    expect(await group(page, "research_thought").locator("textarea").inputValue()).toBe(
      "The dealer websites all looked the same.",
    );
    await page.getByRole("button", { name: "Next" }).click();
    await heading(page, "Page 3 of 4").waitFor();
    await page.getByRole("button", { name: "Next" }).click();

    // Last page: a number outside its range is refused in words, then corrected.
    await heading(page, "Page 4 of 4").waitFor();
    const age = group(page, "age").locator("input");
    await age.fill("150");
    await page.getByRole("button", { name: "Submit" }).click();
    await group(page, "age").getByText("Enter a value from 16 to 100.").waitFor();
    expect(await focusedGroup(page)).toBe("q-age");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("34");
    await group(page, "features").getByRole("checkbox", { name: "Range" }).focus();
    await page.keyboard.press("Space");
    expect(await group(page, "features").getByRole("checkbox", { name: "Range" }).isChecked()).toBe(
      true,
    );
    await group(page, "recommend").getByRole("radio", { name: "9" }).check();
    await group(page, "recommend").getByText("10: Extremely likely").waitFor();
    await tabTo(page, "Submit", 12);
    await page.keyboard.press("Enter");

    await heading(page, "Thank you!").waitFor();
    await saveScreenshot(page, "respondent-thanks");
    await expectNoSeriousA11yIssues(page);

    // Partial answers were saved on the way; the complete response was sent once.
    expect(saves.filter((s) => !s.complete && s.status === 200).length).toBeGreaterThan(0);
    expect(saves.filter((s) => s.complete)).toEqual([{ complete: true, status: 200 }]);

    // The server holds it as complete: the same id with other answers is refused (409).
    const done = await page.evaluate(
      (slug) => window.localStorage.getItem(`persona-atlas:respondent-done:${slug}`),
      seeded.openSlug,
    );
    const responseId = (JSON.parse(done ?? "{}") as { responseId?: string }).responseId;
    expect(responseId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await fetch(`${app.baseUrl}/api/v1/public/surveys/${seeded.openSlug}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ responseId, answers: {}, complete: true, locale: "en" }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "CONFLICT" } });
    expect(
      await page.evaluate(
        (slug) => window.localStorage.getItem(`persona-atlas:respondent:${slug}`),
        seeded.openSlug,
      ),
    ).toBeNull();

    // Coming back to the link shows the thank-you page again.
    await page.reload();
    await heading(page, "Thank you!").waitFor();
    await page.close();
  });

  it("speaks German to a German browser and switches language on request", async () => {
    const page = await openPage(browser, { ...phone, locale: "de-DE" });
    await openSurvey(page);
    await heading(page, "Seite 1 von 4").waitFor();
    expect(await page.locator("main").getAttribute("lang")).toBe("de");
    await page.getByText("Der beste Preis ist mir wichtiger als alles andere.").waitFor();
    expect(await group(page, "price_focus").locator("legend").textContent()).toContain(
      "(Pflichtfrage)",
    );
    await group(page, "price_focus").getByText("Stimme voll zu").waitFor();
    await page.getByRole("button", { name: "Weiter" }).click();
    await group(page, "price_focus").getByText("Bitte beantworten Sie diese Frage.").waitFor();
    await page.getByRole("alert").getByText("2 Antworten brauchen Ihre Aufmerksamkeit.").waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole("button", { name: "English" }).click();
    await heading(page, "Page 1 of 4").waitFor();
    await group(page, "price_focus").getByText("Please answer this question.").waitFor();
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    // The choice is remembered on this device.
    await page.reload();
    await page.locator('form[data-ready="true"]').waitFor();
    await heading(page, "Page 1 of 4").waitFor();
    await page.close();
  });

  it("explains closed and unknown surveys in the respondent's language", async () => {
    const page = await openPage(browser, { ...phone, locale: "de-DE" });
    await page.goto(`${app.baseUrl}/s/${seeded.closedSlug}`);
    await heading(page, "Diese Umfrage ist geschlossen").waitFor();
    await expectNoSeriousA11yIssues(page);

    const missing = await page.goto(`${app.baseUrl}/s/no-such-survey`);
    expect(missing?.status()).toBe(404);
    await heading(page, "Umfrage nicht gefunden").waitFor();
    await page.close();

    const closedPost = await fetch(
      `${app.baseUrl}/api/v1/public/surveys/${seeded.closedSlug}/responses`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          responseId: crypto.randomUUID(),
          answers: {},
          complete: false,
          locale: "en",
        }),
      },
    );
    expect(closedPost.status).toBe(410);
    expect(await closedPost.json()).toMatchObject({ error: { code: "SURVEY_CLOSED" } });
  });
});
