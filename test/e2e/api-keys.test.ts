// API keys and the REST API end to end, in Chromium against the built app: the demo owner
// creates a key in Settings · API keys (shown once), a script uses it against /api/v1 (list
// surveys, read the published definition, submit and list a response), the owner revokes it
// through the confirmation dialog and the key is refused at once; the API reference page and
// the OpenAPI document are served; a strategist cannot reach key settings.
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  type RunningApp,
  signIn,
  useAppAndBrowser,
} from "./harness";

let app: RunningApp;
let browser: Browser;

useAppAndBrowser({}, (started) => ({ app, browser } = started));

async function api(path: string, key: string, init: RequestInit = {}) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("API keys", () => {
  it("an owner creates a key, a script uses it, and revoking it locks the script out", async () => {
    const page = await openPage(browser);
    await signIn(page, app.baseUrl, "owner@demo.personaatlas.test");
    await page.getByRole("link", { name: "Settings · API keys" }).click();
    await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor();
    await page.getByText("No keys yet.").waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByText("Key names need at least 2 characters.").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("CRM sync");
    await page.getByRole("button", { name: "Create key" }).click();
    const keyField = page.getByLabel("Your new API key");
    await keyField.waitFor();
    const key = await keyField.inputValue();
    expect(key).toMatch(/^pa_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("cell", { name: "CRM sync", exact: true }).waitFor();
    await page.getByText(`${key.slice(0, 11)}…`).waitFor();
    await saveScreenshot(page, "api-key-created");

    const surveys = await api("/api/v1/surveys", key);
    expect(surveys.status).toBe(200);
    const [survey] = surveys.body.surveys as { id: string; title: string }[];
    expect(survey?.title).toMatch(/Northwind/);
    const definition = await api(`/api/v1/surveys/${survey?.id}/versions/latest`, key);
    expect(definition.status).toBe(200);
    expect((definition.body.questions as unknown[]).length).toBeGreaterThan(5);

    const responseId = crypto.randomUUID();
    const submitted = await api(`/api/v1/surveys/${survey?.id}/responses`, key, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ responseId, answers: {}, complete: false }),
    });
    expect(submitted).toMatchObject({ status: 200, body: { responseId, status: "PARTIAL" } });
    const partial = await api(`/api/v1/surveys/${survey?.id}/responses?status=PARTIAL`, key);
    const items = partial.body.items as { id: string; source: string }[];
    expect(items.find((r) => r.id === responseId)?.source).toBe("API");

    await page.reload();
    await page.getByRole("button", { name: "Revoke CRM sync" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “CRM sync”?" });
    await dialog.waitFor();
    await saveScreenshot(page, "api-key-revoke-dialog");
    await dialog.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText(/^Revoked /).waitFor();
    const refused = await api("/api/v1/surveys", key);
    expect(refused.status).toBe(401);
    expect((refused.body.error as { code: string }).code).toBe("UNAUTHENTICATED");
    await page.close();
  });

  it("serves the API reference page and the OpenAPI document", async () => {
    const document = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    expect(document.status).toBe(200);
    const body = (await document.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toContain("/api/v1/surveys/{surveyId}/responses");

    const page = await openPage(browser);
    await page.goto(`${app.baseUrl}/docs/api`);
    await page.getByRole("heading", { name: "Persona Atlas API", level: 1 }).waitFor();
    await page.locator("#submitResponse").getByText("curl -X POST").waitFor();
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "api-reference");
    await page.close();
  });

  it("keeps key settings from a strategist", async () => {
    const page = await openPage(browser);
    await signIn(page, app.baseUrl, "strategist@demo.personaatlas.test");
    expect(await page.getByRole("link", { name: "Settings · API keys" }).count()).toBe(0);
    const workspaceId = /\/w\/([^/]+)/.exec(page.url())?.[1];
    await page.goto(`${app.baseUrl}/w/${workspaceId}/settings/api-keys`);
    await page.getByRole("heading", { name: "Only owners can manage API keys" }).waitFor();
    await page.close();
  });
});
