// The JavaScript a respondent's phone downloads before it can answer (issue 14): every script the
// public survey page loads in Chromium, each body gzipped here (the figure a slow mobile link
// pays), summed and held to a budget. The page needs no zod, tRPC client, charts or studio code;
// this test also fails when any of them creeps back in through a shared import.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { openPage, type RunningApp, useAppAndBrowser } from "./harness";
import { seedRespondentSurveys, type SeededSurveys } from "./seed-survey";

/**
 * The budget in kB (1 kB = 1000 bytes) of gzip, as issue 14 asks. React 19 and the Next App Router
 * runtime alone were about 132 kB, so the page is no longer a Next page: a route handler writes
 * the HTML and the page loads one script, the form bundled with Preact standing in for React
 * (scripts/build-respondent.mjs), about 18 kB. The budget leaves room for the form to grow.
 */
const budgetKb = 120;

/** Strings that survive minification and give away code the respondent page must not ship. */
const studioOnly: Record<string, string> = {
  zod: "_zod",
  "the tRPC client": "TRPCClientError",
  "charts (recharts)": "recharts-wrapper",
};

let app: RunningApp;
let browser: Browser;
let seeded: SeededSurveys;

useAppAndBrowser(
  {
    beforeStart: async (env) => {
      seeded = await seedRespondentSurveys(env);
    },
  },
  (started) => ({ app, browser } = started),
);

interface LoadedScript {
  url: string;
  gzipBytes: number;
  /** which of the studio-only libraries the script contains */
  studioCode: string[];
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
          .then((body) => {
            const text = body.toString("utf8");
            return {
              url: response.url(),
              gzipBytes: gzipSync(body).length,
              studioCode: Object.keys(studioOnly).filter((name) =>
                text.includes(studioOnly[name] ?? name),
              ),
            };
          })
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
    const leaks = scripts.flatMap((s) =>
      s.studioCode.map((name) => `${name} in ${new URL(s.url).pathname}`),
    );
    expect(leaks).toEqual([]);
    expect(totalKb, lines.join("\n")).toBeLessThanOrEqual(budgetKb);
  });
});
