// Against the built app served the way `npm start` serves it (scripts/serve.ts, here behind one
// trusted proxy hop): the respondent page stays fast while 20 clients hammer sign-in, every page
// carries a fresh CSP nonce on all of its scripts, and HSTS and Secure cookies appear exactly when
// the trusted proxy says the request came over HTTPS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./harness";
import { seedRespondentSurveys, type SeededSurveys } from "./seed-survey";

let app: RunningApp;
let seeded: SeededSurveys;

beforeAll(async () => {
  app = await startApp({
    customServer: true,
    serverEnv: { TRUST_PROXY: "1" }, // the server only: the database is the shared template
    beforeStart: async (env) => {
      seeded = await seedRespondentSurveys(env);
    },
  });
});
afterAll(async () => app?.stop());

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Loads the respondent page one request after another for `ms`; the latencies in ms, sorted. */
async function respondentLatencies(ms: number): Promise<number[]> {
  const times: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const started = performance.now();
    const response = await fetch(`${app.baseUrl}/s/${seeded.openSlug}`, {
      headers: { "x-forwarded-for": "203.0.113.7" },
    });
    await response.text();
    expect(response.status).toBe(200);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** One attacker: fresh CSRF token, then wrong passwords as fast as the server answers, each
 * from a new forwarded address so the per-client limits never spare the hashing. */
async function hammerSignIn(client: number, until: number): Promise<number> {
  const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  let attempts = 0;
  while (Date.now() < until) {
    attempts += 1;
    const response = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        "x-forwarded-for": `198.51.${client}.${attempts % 250}`,
      },
      body: new URLSearchParams({
        csrfToken,
        // Unknown addresses: each costs a full hash and no per-account delay slows the flood.
        email: `flood-${client}-${attempts}@example.com`,
        password: `wrong-${client}-${attempts}`,
        json: "true",
      }),
    });
    await response.arrayBuffer();
  }
  return attempts;
}

describe("the app under scripts/serve.ts", () => {
  it("keeps the respondent page's p99 under 300 ms while 20 clients hammer sign-in", async () => {
    await respondentLatencies(2_000); // warm up
    const quiet = await respondentLatencies(4_000);
    const until = Date.now() + 12_000;
    const flood = Array.from({ length: 20 }, (_, i) => hammerSignIn(i + 1, until));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let the flood build up
    const busy = await respondentLatencies(10_000);
    const attempts = (await Promise.all(flood)).reduce((a, b) => a + b, 0);
    const figures = {
      quiet: { n: quiet.length, p50: percentile(quiet, 50), p99: percentile(quiet, 99) },
      flood: { n: busy.length, p50: percentile(busy, 50), p99: percentile(busy, 99) },
      signInAttempts: attempts,
    };
    console.log(`login flood: ${JSON.stringify(figures)}`);
    expect(attempts).toBeGreaterThanOrEqual(20); // every attacker got at least one answer
    expect(busy.length).toBeGreaterThan(20);
    expect(figures.flood.p99).toBeLessThan(300);
  });

  it("puts a fresh nonce on every script and allows no other inline script", async () => {
    const pages = [`/s/${seeded.openSlug}`, "/signin"];
    const nonces = new Set<string>();
    for (const path of [...pages, ...pages]) {
      const response = await fetch(`${app.baseUrl}${path}`);
      const policy = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, policy).toBeTruthy();
      nonces.add(nonce as string);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(4);
  });

  it("sends HSTS and Secure cookies only when the trusted proxy says HTTPS", async () => {
    const plain = await fetch(`${app.baseUrl}/api/auth/csrf`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.getSetCookie().some((c) => /;\s*secure/i.test(c))).toBe(false);

    const https = await fetch(`${app.baseUrl}/api/auth/csrf`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(https.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const cookies = https.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);

    const page = await fetch(`${app.baseUrl}/signin`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });
});
