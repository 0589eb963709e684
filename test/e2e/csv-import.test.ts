// The CSV import of a file made elsewhere, in Chromium against the built app: a public-survey
// style file with NA cells and free-typed genders. The preview reads NA as no answer, fills in
// recode suggestions, lists the values that name no option with the allowed options, and shows
// how skipping those rows would move the study-arm shares; mapping the rest to Other clears the
// problems and the whole file imports. Checked with axe on the preview.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  signIn,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { demoOwnerActor, demoOwnerEmail, withSeedDatabase } from "./seed-survey";

let app: RunningApp;
let browser: Browser;
let importUrl = "";

async function seed(env: NodeJS.ProcessEnv) {
  return withSeedDatabase(env, async (prisma) => {
    const actor = await demoOwnerActor(prisma);
    const survey = await createSurvey(prisma, actor, { title: "Developer survey" }, [
      {
        key: "gender",
        type: "SINGLE_CHOICE",
        text: { en: "Gender" },
        options: [
          { value: "male", label: { en: "Male" } },
          { value: "female", label: { en: "Female" } },
          { value: "other", label: { en: "Other" } },
        ],
      },
      {
        key: "arm",
        type: "SINGLE_CHOICE",
        text: { en: "Study arm" },
        options: [
          { value: "treatment", label: { en: "Treatment" } },
          { value: "control", label: { en: "Control" } },
        ],
      },
      { key: "years", type: "NUMBER", settings: { min: 0, max: 60 }, text: { en: "Years coding" } },
      { key: "comment", type: "LONG_TEXT", text: { en: "Comment" } },
    ]);
    await publishSurvey(prisma, actor, survey.id);
    importUrl = `/w/${actor.workspaceId}/surveys/${survey.id}/responses/import`;
  });
}

useAppAndBrowser({ beforeStart: seed }, (started) => ({ app, browser } = started));

const treatment = ["M", "Male", "F", "female", "NA", "M"];
const control = ["F", "Attack", "M", "Attack", "Female", "Attack"];
const csv = [
  "Respondent,Gender,Study arm,Years coding,Comment",
  ...treatment.map((g, i) => `t${i},${g},Treatment,${i % 2 ? "NA" : 3 + i},${i % 3 ? "NA" : "ok"}`),
  ...control.map((g, i) => `c${i},${g},Control,${i % 2 ? "N/A" : 5 + i},-`),
].join("\n");

describe("CSV import of a messy public survey file", () => {
  it("offers recodes, shows the bias of skipping, and imports every row", async () => {
    const page = await openPage(browser);
    await signIn(page, app.baseUrl, demoOwnerEmail);
    await page.goto(`${app.baseUrl}${importUrl}`);
    await page.getByRole("heading", { name: "Import responses" }).waitFor();
    await page.getByLabel("CSV file").setInputFiles({
      name: "developer-survey.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("heading", { name: "3. Preview", exact: true }).waitFor();

    // "M" and "F" come with suggestions already chosen; "Attack" names no option.
    const gender = page.getByRole("region", { name: "Recode Gender" });
    expect(await gender.getByLabel("“M”", { exact: true }).inputValue()).toBe("male");
    expect(await gender.getByLabel("“F”", { exact: true }).inputValue()).toBe("female");
    expect(await gender.getByText("Suggested").count()).toBe(2);
    const broken = control.filter((g) => g === "Attack").length;
    await page.getByText(`${broken} problems`).first().waitFor();
    await page
      .getByText('"Attack" is not an option. Allowed: one of Male, Female, Other.', {
        exact: false,
      })
      .first()
      .waitFor();

    // Skipping the three control rows would move the arms' shares: the table says by how much.
    const arms = page.getByRole("region", { name: "Shares for Study arm" });
    const kept = treatment.length + control.length - broken;
    await arms.getByText(`Imported (n = ${kept})`).waitFor();
    const shift =
      (100 * treatment.length) / kept -
      (100 * treatment.length) / (treatment.length + control.length);
    await arms.getByText(`+${shift.toFixed(1)} points`).waitFor();
    await saveScreenshot(page, "csv-import-recode-bias");
    await expectNoSeriousA11yIssues(page);

    // Map the rest to Other, preview again: no problems, every row is ready.
    await page.getByLabel("Every other value of this column").first().selectOption("other");
    await page.getByRole("button", { name: "Update the preview" }).click();
    await page.getByText("No row has a problem").waitFor();
    const total = treatment.length + control.length;
    await page.getByRole("button", { name: `Import ${total} responses` }).click();
    await page
      .getByRole("heading", { name: `Imported ${total} responses into version 1` })
      .waitFor();
    await page.close();
  });
});
