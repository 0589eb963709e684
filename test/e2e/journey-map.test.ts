// Journey maps end to end: the demo researcher creates a map from the car-buying template, renames
// a stage, adds a back-of-house touchpoint, moves a stage with the keyboard buttons and a
// touchpoint by dragging, reloads and finds every change saved; axe finds no serious or critical
// problems on the list and the editor. A strategist opens the demo map without any controls.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  openPage,
  saveScreenshot,
  type RunningApp,
  signIn,
  expectNoSeriousA11yIssues,
  useAppAndBrowser,
} from "./harness";

const DEMO_MAP = "Buying a car with Northwind";

let app: RunningApp;
let browser: Browser;

useAppAndBrowser({}, (started) => ({ app, browser } = started));

const grid = (page: Page) => page.locator("table.jm-grid").first();
const stageNames = (page: Page) => grid(page).locator("thead .jm-stage-name").allTextContents();
const cell = (page: Page, layer: string, stage: string) =>
  grid(page).locator(`ul[aria-label="${layer} in ${stage}"] .jm-tp-name`);

describe("journey maps", () => {
  it("a researcher builds a map from the car-buying template and every change persists", async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await signIn(page, app.baseUrl, "researcher@demo.personaatlas.test");
    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("heading", { name: "New journey map" }).waitFor();
    expect(await page.getByRole("link", { name: DEMO_MAP, exact: true }).count()).toBe(1);
    await expectNoSeriousA11yIssues(page);

    await page.getByRole("radio", { name: /Car buying/ }).check();
    await page.getByLabel("Journey map name").fill("E2E car journey");
    await page.getByRole("button", { name: "Create journey map" }).click();
    await page.waitForURL(/\/journeys\/[^/]+$/);
    await page.getByRole("heading", { name: "E2E car journey", level: 1 }).waitFor();
    expect(await stageNames(page)).toEqual([
      "Discovery",
      "Comparing",
      "Considering",
      "Purchase",
      "Post-purchase",
    ]);
    // The template's touchpoints fill all three layers.
    expect(await cell(page, "Back of house", "Purchase").allTextContents()).toEqual([
      "Dealer management system",
    ]);
    await page.getByRole("heading", { name: "Evidence from analysis" }).waitFor();
    expect(await page.getByText("Link a survey and run an analysis to fill this map").count()).toBe(
      1,
    );

    // Rename a stage in the side panel.
    await page.getByRole("button", { name: "Edit stage Comparing" }).click();
    const stagePanel = page.getByRole("dialog", { name: "Edit stage: Comparing" });
    await stagePanel.getByLabel("Stage name", { exact: true }).fill("Comparing offers");
    await stagePanel.getByRole("button", { name: "Save stage" }).click();
    await stagePanel.waitFor({ state: "hidden" });
    await grid(page).locator(".jm-stage-name", { hasText: "Comparing offers" }).waitFor();

    // A touchpoint in the back-of-house layer.
    await page
      .getByRole("button", { name: "Add a touchpoint to back of house in Purchase" })
      .click();
    const tpPanel = page.getByRole("dialog", { name: "Add a touchpoint" });
    await tpPanel.getByLabel("Touchpoint name").fill("Finance approval queue");
    await tpPanel.getByLabel("Channel").selectOption("OTHER");
    await tpPanel.getByLabel("Team responsible").fill("Finance");
    await tpPanel.getByLabel("Effort to change").selectOption("MEDIUM");
    await tpPanel.getByRole("button", { name: "Add touchpoint" }).click();
    await tpPanel.waitFor({ state: "hidden" });
    await cell(page, "Back of house", "Purchase").getByText("Finance approval queue").waitFor();

    // Reorder a stage with the keyboard: focus stays on the control that moved.
    await page.getByRole("button", { name: "Move Purchase left" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: 'Moved "Purchase" to position 3.' }).waitFor();
    expect(await stageNames(page)).toEqual([
      "Discovery",
      "Comparing offers",
      "Purchase",
      "Considering",
      "Post-purchase",
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Move Purchase left",
    );

    // Drag a touchpoint onto the first card of another cell.
    await cell(page, "Front of house", "Discovery")
      .getByText("Social media ads")
      .dragTo(cell(page, "Front of house", "Post-purchase").first());
    await page.getByRole("status").filter({ hasText: 'Moved "Social media ads"' }).waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "E2E car journey", level: 1 }).waitFor();
    expect(await stageNames(page)).toEqual([
      "Discovery",
      "Comparing offers",
      "Purchase",
      "Considering",
      "Post-purchase",
    ]);
    expect(await cell(page, "Back of house", "Purchase").allTextContents()).toEqual([
      "Dealer management system",
      "Finance approval queue",
    ]);
    expect(await cell(page, "Front of house", "Discovery").allTextContents()).toEqual([
      "Brand website",
    ]);
    expect(await cell(page, "Front of house", "Post-purchase").allTextContents()).toEqual([
      "Social media ads",
      "Service reminders",
      "Satisfaction survey",
    ]);
    await saveScreenshot(page, "journey-map-editor");
    await expectNoSeriousA11yIssues(page);

    // The side panel passes too.
    await page.getByRole("button", { name: "Edit strategy for Purchase" }).click();
    await page.getByRole("dialog", { name: "Strategy: Purchase" }).waitFor();
    await expectNoSeriousA11yIssues(page);
    await page.close();
  }, 240_000);

  it("a strategist reads the demo map without editing controls", async () => {
    const page = await openPage(browser);
    await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
    await page.getByRole("link", { name: "Journeys" }).click();
    await page.getByRole("heading", { name: "Journeys", level: 1 }).waitFor();
    expect(await page.getByRole("button", { name: "Create journey map" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Duplicate|Delete)/ }).count()).toBe(0);
    await page.getByRole("link", { name: DEMO_MAP, exact: true }).click();
    await page.getByRole("heading", { name: DEMO_MAP, level: 1 }).waitFor();
    expect(await stageNames(page)).toHaveLength(5);
    expect(await page.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Move/ }).count()).toBe(0);
    expect(await page.getByText("Buying your car with Northwind").count()).toBeGreaterThan(0);
    await page.close();
  });
});
