// The JavaScript a respondent's phone downloads before it can answer (issue 14): every script the
// public survey page loads in Chromium, each body gzipped here (the figure a slow mobile link
// pays), must sum to at most 120 kB. The page needs no tRPC client, charts or studio code; this
// test catches any of them creeping back in through a shared import.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage, startApp, type RunningApp } from "./harness";
import { seedRespondentSurveys, type SeededSurveys } from "./seed-survey";

/** The budget from issue 14, in kB (1 kB = 1000 bytes) of gzip. */
const budgetKb = 120;

let app: RunningApp;
let browser: Browser;
let seeded: SeededSurveys;

beforeAll(async () => {
  app = await startApp({
    beforeStart: async (env) => {
      seeded = await seedRespondentSurveys(env);
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface LoadedScript {
  url: string;
  gzipBytes: number;
}

describe("the public respondent page's first load", () => {
  it(`downloads at most ${budgetKb} kB of gzipped JavaScript`, async () => {
    const page = await openPage(browser, {
      viewport: { width: 375, height: 740 },
      locale: "en-GB",
    });
    const pending: Promise<LoadedScript | null>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => ({ url: response.url(), gzipBytes: gzipSync(body).length }))
          .catch(() => null),
      );
    });
    await page.goto(`${app.baseUrl}/s/${seeded.openSlug}`);
    await page.locator('form[data-ready="true"]').waitFor();
    await page.waitForLoadState("networkidle");

    const byUrl = new Map<string, LoadedScript>();
    for (const script of await Promise.all(pending)) if (script) byUrl.set(script.url, script);
    const scripts = [...byUrl.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
    const totalKb = scripts.reduce((sum, s) => sum + s.gzipBytes, 0) / 1000;
    const lines = scripts
      .slice(0, 8)
      .map((s) => `  ${(s.gzipBytes / 1000).toFixed(1)} kB  ${new URL(s.url).pathname}`);
    console.log(
      `respondent page: ${totalKb.toFixed(1)} kB gzip in ${scripts.length} scripts\n${lines.join("\n")}`,
    );
    await page.close();

    expect(scripts.length, "no scripts were seen: is the page hydrating?").toBeGreaterThan(0);
    expect(totalKb, lines.join("\n")).toBeLessThanOrEqual(budgetKb);
  });
});
