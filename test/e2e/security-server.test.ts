// Against the built app served the way `npm start` serves it (scripts/serve.ts, here behind one
// trusted proxy hop): every page carries a fresh CSP nonce on all of its scripts, and HSTS and
// Secure cookies appear exactly when the trusted proxy says the request came over HTTPS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./harness";
import { seedRespondentSurveys, type SeededSurveys } from "./seed-survey";

let app: RunningApp;
let seeded: SeededSurveys;

beforeAll(async () => {
  app = await startApp({
    customServer: true,
    env: { TRUST_PROXY: "1" },
    beforeStart: async (env) => {
      seeded = await seedRespondentSurveys(env);
    },
  });
});
afterAll(async () => app?.stop());

describe("the app under scripts/serve.ts", () => {
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
