// Smoke test: the built app starts on a fresh database and serves an accessible sign-in page.
import { describe, expect, it } from "vitest";
import { type Browser } from "playwright-core";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";

describe("smoke", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  useAppAndBrowser({}, (started) => ({ app, browser } = started));

  it("serves the sign-in page with labelled fields and no serious a11y violations", async () => {
    if (!app || !browser) throw new Error("setup failed");
    const page = await openPage(browser);
    const response = await page.goto(`${app.baseUrl}/signin`);
    expect(response?.status()).toBe(200);

    const heading = page.getByRole("heading", { name: /Sign in/ });
    await heading.first().waitFor({ state: "visible", timeout: 15_000 });
    const email = page.getByLabel("Email", { exact: true });
    await email.waitFor({ state: "visible", timeout: 15_000 });
    expect(await email.count()).toBe(1);

    await saveScreenshot(page, "signin");
    await expectNoSeriousA11yIssues(page);
    await page.close();
  });
});
