// The five SurveyJS file shapes (test/fixtures/surveyjs), imported through the app's service,
// published and answered on the public page in Chromium: a chain of dropdowns whose `and`
// conditions reveal each next question only for the answers above it, a German matrixdropdown
// answered on a German-speaking browser, a product-feedback survey with a grid, two scales, a
// question a visible trigger shows and a multipletext's boxes, a translated survey in German,
// and eight pages of compound show/require conditions. The stored answers are read back through
// the response export with the original choice values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { publishSurvey } from "~/server/features/surveys/surveys";
import { importSurveyJs } from "~/server/features/surveys/surveyjs";
import {
  expectNoSeriousA11yIssues,
  openPage,
  signIn,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";
import { demoOwnerActor, demoOwnerEmail, withSeedDatabase } from "./seed-survey";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/surveyjs/${name}`, import.meta.url), "utf8");

interface Seeded {
  workspaceId: string;
  stores: { id: string; slug: string };
  praxis: { id: string; slug: string };
  feedback: { id: string; slug: string };
  hotel: { id: string; slug: string };
  family: { id: string; slug: string };
}

let app: RunningApp;
let browser: Browser;
let seeded: Seeded;

async function seed(env: NodeJS.ProcessEnv): Promise<Seeded> {
  return withSeedDatabase(env, async (prisma) => {
    const actor = await demoOwnerActor(prisma);
    const publish = async (file: string) => {
      const imported = await importSurveyJs(prisma, actor, { json: fixture(file) });
      await publishSurvey(prisma, actor, imported.id);
      return { id: imported.id, slug: imported.slug, unmapped: imported.unmappedCount };
    };
    const stores = await publish("store-finder-dropdowns.json");
    const praxis = await publish("praxis-matrixdropdown-de.json");
    const feedback = await publish("product-feedback.json");
    const hotel = await publish("hotel-stay-translated.json");
    const family = await publish("family-mobility-8-pages.json");
    expect(stores.unmapped).toBe(0);
    expect(feedback.unmapped).toBe(0);
    expect(family.unmapped).toBe(0);
    // Only the French translation of one row label is left out.
    expect(hotel.unmapped).toBe(1);
    // The default language and three German-only titles are listed, nothing else.
    expect(praxis.unmapped).toBe(4);
    return { workspaceId: actor.workspaceId, stores, praxis, feedback, hotel, family };
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

const question = (page: Page, key: string) => page.locator(`#q-${key}`);

async function exported(surveyId: string): Promise<Record<string, unknown>[]> {
  const researcher = await openPage(browser);
  try {
    await signIn(researcher, app.baseUrl, demoOwnerEmail);
    const download = await researcher.request.get(
      `${app.baseUrl}/api/v1/workspaces/${seeded.workspaceId}/surveys/${surveyId}/responses/export?format=json`,
    );
    expect(download.status()).toBe(200);
    return (await download.json()) as Record<string, unknown>[];
  } finally {
    await researcher.close();
  }
}

describe("SurveyJS files on the public page", () => {
  it("a chain of dropdowns reveals each next question only for the answers above it", async () => {
    const page = await openPage(browser, { locale: "en-GB" });
    await page.goto(`${app.baseUrl}/s/${seeded.stores.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    const pick = (key: string, name: string) =>
      question(page, key).getByRole("radio", { name, exact: true }).check();

    expect(await question(page, "region").count()).toBe(0);
    await pick("country", "Switzerland");
    // Switzerland has no regions here: the chain stops and the survey can be sent.
    expect(await question(page, "region").count()).toBe(0);
    await pick("country", "Germany");
    await question(page, "region").waitFor();
    expect(await question(page, "city").count()).toBe(0);
    await pick("region", "Berlin");
    expect(await question(page, "city").count()).toBe(0);
    await pick("region", "Bavaria");
    await question(page, "city").waitFor();
    await pick("city", "Munich");
    await question(page, "store").waitFor();
    // Required and shown: the chain holds the respondent until the store is chosen.
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("alert").getByText("One answer needs your attention.").waitFor();
    await pick("store", "Schwabing");
    await question(page, "visits").waitFor();
    await pick("visits", "Every week");
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("heading", { name: "Thank you!", exact: true }).waitFor();
    await page.close();

    const rows = await exported(seeded.stores.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      country: "DE",
      region: "BY",
      city: "Munich",
      store: "Schwabing",
      visits: "weekly",
    });
  }, 60_000);

  it("a German matrixdropdown is answered in German, one grade per row", async () => {
    const page = await openPage(browser, { locale: "de-DE" });
    await page.goto(`${app.baseUrl}/s/${seeded.praxis.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    await page.getByRole("heading", { name: "Ihr Besuch", exact: true }).waitFor();
    await question(page, "anlass").getByRole("radio", { name: "Vorsorge", exact: true }).check();
    const grid = question(page, "bewertung");
    await grid.getByText("Freundlichkeit des Teams").waitFor();
    const grade = (row: string, value: number) =>
      grid.locator(`input[name="q-bewertung-${row}"][value="${value}"]`).check();
    await grade("terminvergabe", 2);
    await grade("wartezeit", 4);
    await grade("freundlichkeit", 1);
    // Every row is required: one left out keeps the respondent here.
    await page.getByRole("button", { name: "Absenden" }).click();
    await page.getByRole("alert").getByText("Eine Antwort braucht Ihre Aufmerksamkeit.").waitFor();
    await grade("aufklarung", 1);
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Absenden" }).click();
    await page.getByRole("heading", { name: "Vielen Dank!", exact: true }).waitFor();
    await page.close();

    const rows = await exported(seeded.praxis.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      anlass: "vorsorge",
      bewertung__terminvergabe: 2,
      bewertung__wartezeit: 4,
      bewertung__freundlichkeit: 1,
      bewertung__aufklarung: 1,
      locale: "de",
    });
  }, 60_000);

  it("a product-feedback survey: its grid, scales, trigger-shown question and text boxes", async () => {
    const page = await openPage(browser, { locale: "en-GB" });
    await page.goto(`${app.baseUrl}/s/${seeded.feedback.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    await question(page, "usagefrequency")
      .getByRole("radio", { name: "A few times a week", exact: true })
      .check();
    const grid = question(page, "featuresatisfaction");
    await grid.getByText("Offline mode").waitFor();
    const rowNames = await grid
      .locator('input[type="radio"]')
      .evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    expect(rowNames).toHaveLength(4);
    for (const name of rowNames) await grid.locator(`input[name="${name}"][value="3"]`).check();
    await page.getByRole("button", { name: "Next" }).click();

    await question(page, "recommend").waitFor();
    await question(page, "easeofuse").getByRole("radio", { name: "6", exact: true }).check();
    // The visible trigger: a score of 6 or less shows the follow-up, which is then required.
    expect(await question(page, "whatwouldchange").count()).toBe(0);
    await question(page, "recommend").getByRole("radio", { name: "9", exact: true }).check();
    expect(await question(page, "whatwouldchange").count()).toBe(0);
    await question(page, "recommend").getByRole("radio", { name: "5", exact: true }).check();
    await question(page, "whatwouldchange").waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("alert").getByText("One answer needs your attention.").waitFor();
    await page.locator("#q-whatwouldchange-input").fill("A week view that fits my phone.");
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Next" }).click();

    await question(page, "devices_phone").waitFor();
    await page.locator("#q-devices_phone-input").fill("Pixel 8");
    await page.locator("#q-devices_computer-input").fill("Work laptop");
    await page.locator("#q-devices_hoursperweek-input").fill("4");
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("heading", { name: "Thank you!", exact: true }).waitFor();
    await page.close();

    const rows = await exported(seeded.feedback.id);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    const gridCells = Object.entries(row).filter(([k]) => k.startsWith("featuresatisfaction__"));
    expect(gridCells.map(([, v]) => v)).toEqual([3, 3, 3, 3]);
    expect(row).toMatchObject({
      usagefrequency: "weekly",
      easeofuse: 6,
      recommend: 5,
      whatwouldchange: "A week view that fits my phone.",
      devices_phone: "Pixel 8",
      devices_computer: "Work laptop",
      devices_hoursperweek: 4,
    });
  }, 60_000);

  it("a translated survey is answered in German: its radio groups and every row of its grid", async () => {
    const page = await openPage(browser, { locale: "de-DE" });
    await page.goto(`${app.baseUrl}/s/${seeded.hotel.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    await page.getByRole("heading", { name: "Ihre Reise", exact: true }).waitFor();
    await question(page, "trippurpose")
      .getByRole("radio", { name: "Im Urlaub", exact: true })
      .check();
    await question(page, "bookedvia")
      .getByRole("radio", { name: "Über ein Buchungsportal", exact: true })
      .check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.getByRole("heading", { name: "Wie es war", exact: true }).waitFor();
    const grid = question(page, "staysteps");
    await grid.getByText("Frühstück").waitFor();
    const rowNames = await grid
      .locator('input[type="radio"]')
      .evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    expect(rowNames).toHaveLength(4);
    // Every row is required: three of four keep the respondent on the page.
    for (const name of rowNames.slice(0, 3)) {
      await grid.locator(`input[name="${name}"][value="4"]`).check();
    }
    await page.getByRole("button", { name: "Absenden" }).click();
    await page.getByRole("alert").getByText("Eine Antwort braucht Ihre Aufmerksamkeit.").waitFor();
    await grid.locator(`input[name="${rowNames[3]}"][value="5"]`).check();
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Absenden" }).click();
    await page.getByRole("heading", { name: "Vielen Dank!", exact: true }).waitFor();
    await page.close();

    const rows = await exported(seeded.hotel.id);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    const gridCells = Object.entries(row).filter(([k]) => k.startsWith("staysteps__"));
    expect(gridCells.map(([, v]) => v)).toEqual([4, 4, 4, 5]);
    expect(row).toMatchObject({ trippurpose: "leisure", bookedvia: "portal", locale: "de" });
  }, 60_000);

  it("eight pages of compound conditions show, hide and require questions as the answers go", async () => {
    const page = await openPage(browser, { locale: "en-GB" });
    await page.goto(`${app.baseUrl}/s/${seeded.family.slug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    const next = () => page.getByRole("button", { name: "Next" }).click();
    await question(page, "household")
      .getByRole("radio", { name: "More than two of us", exact: true })
      .check();
    await next();
    await question(page, "haskids").getByRole("radio", { name: "Yes", exact: true }).check();
    await next();
    // Kids and more than one in the household: the count shows, then the ages once it is 1+.
    await question(page, "kidcount").waitFor();
    expect(await question(page, "kidagegroups").count()).toBe(0);
    await page.locator("#q-kidcount-input").fill("2");
    await question(page, "kidagegroups").waitFor();
    await question(page, "kidagegroups")
      .getByRole("checkbox", { name: "6 to 12", exact: true })
      .check();
    await next();
    await question(page, "caruse")
      .getByRole("checkbox", { name: "Getting to work", exact: true })
      .check();
    await next();
    await question(page, "distance").waitFor();
    await page.locator("#q-distance-input").fill("8");
    await next();
    // A car that is used and a commute under 15 km: the switch question shows.
    await question(page, "wouldswitch").getByRole("radio", { name: "No", exact: true }).check();
    await next();
    // Kids in the household make the budget required.
    await question(page, "monthlybudget").waitFor();
    await next();
    await page.getByRole("alert").getByText("One answer needs your attention.").waitFor();
    await page.locator("#q-monthlybudget-input").fill("120");
    await next();
    await question(page, "whynotswitch").waitFor();
    await page.locator("#q-whynotswitch-input").fill("The bus takes three times as long.");
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Submit" }).click();
    await page.getByRole("heading", { name: "Thank you!", exact: true }).waitFor();
    await page.close();

    const rows = await exported(seeded.family.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      household: "many",
      haskids: "yes",
      kidcount: 2,
      distance: 8,
      wouldswitch: "no",
      monthlybudget: 120,
      whynotswitch: "The bus takes three times as long.",
    });
  }, 60_000);
});
