// The results summary end to end on the demo survey: a strategist opens it from the survey list,
// sees as many respondents as the database holds and the option counts of the main channel
// question as a direct count gives them, narrows the summary to one answer with the keyboard,
// searches the text answers, and axe finds no serious or critical problems.
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { demoSurveyTitle } from "~/server/features/demo/car-buying-survey";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  signIn,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { withSeedDatabase } from "./seed-survey";

let app: RunningApp;
let browser: Browser;
let respondents = 0;
const channelCounts = new Map<string, number>();
let channelLabels: { value: string; label: string }[] = [];

async function countDemoAnswers(env: NodeJS.ProcessEnv): Promise<void> {
  return withSeedDatabase(env, async (prisma) => {
    const survey = await prisma.survey.findFirst({ where: { title: demoSurveyTitle } });
    if (!survey) throw new Error("The demo survey was not seeded; this test needs it.");
    respondents = await prisma.response.count({ where: { version: { surveyId: survey.id } } });
    const question = await prisma.question.findFirstOrThrow({
      where: { key: "main_channel", version: { surveyId: survey.id } },
    });
    channelLabels = (question.options as { value: string; label: { en: string } }[]).map((o) => ({
      value: o.value,
      label: o.label.en,
    }));
    const answers = await prisma.answer.findMany({
      where: { question: { key: "main_channel", version: { surveyId: survey.id } } },
      select: { textValue: true },
    });
    for (const a of answers) {
      channelCounts.set(a.textValue ?? "", (channelCounts.get(a.textValue ?? "") ?? 0) + 1);
    }
  });
}

// The demo analysis is not needed here and takes half a minute.
useAppAndBrowser(
  { env: { SEED_DEMO_ANALYSIS: "false" }, beforeStart: countDemoAnswers },
  (started) => ({ app, browser } = started),
);

describe("results summary", () => {
  it(
    "shows the demo survey's figures, filters by an answer and passes axe",
    { timeout: 480_000 },
    async () => {
      const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
      await page.getByRole("link", { name: `Results of ${demoSurveyTitle}` }).click();
      await page.getByRole("heading", { name: "How far people got" }).waitFor({ timeout: 60_000 });

      const status = page.locator("#results-filters [role=status]");
      expect(await status.textContent()).toContain(`${respondents} respondents`);

      // main_channel is the survey's first choice question, so its table is the first of its kind.
      const table = page.getByRole("table", { name: /Answers of \d+ respondents/ }).first();
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      for (const { value, label } of channelLabels) {
        const row = table.getByRole("row", { name: new RegExp(`^${escape(label)}`) });
        expect(await row.locator("td").first().textContent(), value).toBe(
          String(channelCounts.get(value) ?? 0),
        );
      }
      await expectNoSeriousA11yIssues(page);

      // Narrow to the people who chose the most common channel, with the keyboard.
      const [topValue, topCount] =
        [...channelCounts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
      const topLabel = channelLabels.find((c) => c.value === topValue)?.label ?? "";
      const only = table.getByRole("button", { name: `Only these respondents (${topLabel})` });
      await only.focus();
      await page.keyboard.press("Enter");
      await page.getByText(`Only respondents who answered ${topLabel}`).waitFor();
      await expect
        .poll(() => status.textContent(), { timeout: 90_000 })
        .toContain(`${topCount} respondents`);
      expect(page.url()).toContain(`answer=main_channel%3D${topValue}`);

      const search = page.getByLabel("Search the answers").first();
      await search.fill("price");
      const found = page.locator(".result-answers").first().locator("li");
      const texts = await found.allTextContents();
      for (const t of texts) expect(t.toLowerCase()).toContain("price");
      await saveScreenshot(page, "results-summary");
      await expectNoSeriousA11yIssues(page);

      await page.getByRole("button", { name: "Show everyone" }).click();
      await expect
        .poll(() => status.textContent(), { timeout: 90_000 })
        .toContain(`${respondents} respondents`);
    },
  );
});
