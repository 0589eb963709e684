// The foundation end to end, in Chromium against the built app: sign up, create a workspace,
// invite a strategist by link, the strategist joins through the link and cannot reach
// owner-only settings, sign out; the seeded demo owner signs in and sees the demo workspace.
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  expectNoSeriousA11yIssues,
  openPage,
  saveScreenshot,
  type RunningApp,
  useAppAndBrowser,
} from "./harness";

let app: RunningApp;
let browser: Browser;

useAppAndBrowser({}, (started) => ({ app, browser } = started));

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

describe("accounts, workspaces and invitations", () => {
  it("an owner invites a strategist who joins by link and cannot manage members", async () => {
    const owner = await openPage(browser);
    await owner.goto(`${app.baseUrl}/signup`);
    // Bad input is explained next to the field and nothing is submitted.
    await signUp(owner, "Olga Owner", "not-an-email", "short");
    await owner.getByText("Enter a valid email address").waitFor();
    await owner.getByText("Use at least 10 characters").waitFor();
    await expectNoSeriousA11yIssues(owner);

    await signUp(owner, "Olga Owner", "olga@e2e.test", "olga-password-1");
    await owner.waitForURL(/\/workspaces\/new$/);
    await owner.getByLabel("Workspace name").fill("E2E Research");
    await owner.getByRole("button", { name: "Create workspace" }).click();
    await owner.waitForURL(/\/w\/[^/]+\/surveys$/);
    await owner.getByRole("heading", { name: "No surveys yet" }).waitFor();
    const workspaceUrl = owner.url().replace(/\/surveys$/, "");
    await saveScreenshot(owner, "workspace-empty-surveys");

    await owner.getByRole("link", { name: "Settings · Members" }).click();
    await owner.getByRole("heading", { name: "Members", exact: true }).waitFor();
    await owner.getByLabel("Role", { exact: true }).selectOption("STRATEGIST");
    await owner.getByRole("button", { name: "Create invitation link" }).click();
    const linkField = owner.getByLabel("Invitation link");
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    await owner.getByRole("cell", { name: "Strategist" }).first().waitFor();
    await saveScreenshot(owner, "members-invite");
    await expectNoSeriousA11yIssues(owner);

    const invitee = await openPage(browser);
    await invitee.goto(inviteUrl);
    await invitee.getByRole("heading", { name: "Join E2E Research" }).waitFor();
    await invitee.getByRole("link", { name: "Create an account to join" }).click();
    await invitee.waitForURL(/\/signup\?callbackUrl=/);
    await signUp(invitee, "Sam Strategist", "sam@e2e.test", "sam-password-1");
    await invitee.waitForURL(/\/invite\//);
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await invitee.waitForURL(/\/w\/[^/]+\/surveys$/);
    expect(invitee.url()).toBe(`${workspaceUrl}/surveys`);
    await invitee.getByText("You are a strategist here.").waitFor();
    expect(await invitee.getByRole("link", { name: "Settings · Members" }).count()).toBe(0);

    await invitee.goto(`${workspaceUrl}/settings/members`);
    await invitee.getByRole("heading", { name: "Only owners can manage members" }).waitFor();
    expect(await invitee.getByRole("button", { name: "Create invitation link" }).count()).toBe(0);

    // The link works once.
    const third = await openPage(browser);
    await third.goto(inviteUrl);
    await third.getByText("This invitation has already been used.").waitFor();

    await invitee.getByRole("button", { name: "Sign out" }).click();
    await invitee.waitForURL(/\/signin/);
    await invitee.goto(`${workspaceUrl}/surveys`);
    await invitee.waitForURL(/\/signin/);

    // The owner sees the new member.
    await owner.reload();
    await owner.getByRole("cell", { name: "sam@e2e.test" }).waitFor();
    await Promise.all([owner.close(), invitee.close(), third.close()]);
  });

  it("the seeded demo owner signs in and sees the demo workspace; a wrong password is refused", async () => {
    const page = await openPage(browser);
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel("Email", { exact: true }).fill("owner@demo.personaatlas.test");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("do not match an account").waitFor();

    await page.getByLabel("Password", { exact: true }).fill("persona-atlas-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/[^/]+\/surveys$/);
    const switcher = page.getByLabel("Workspace", { exact: true });
    expect(await switcher.locator("option:checked").textContent()).toBe("Demo: Northwind Cars");
    await saveScreenshot(page, "demo-owner-workspace");

    const session = (await page.context().cookies()).find((c) => c.name.endsWith("session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    await page.close();
  });

  it("sends security headers", async () => {
    const response = await fetch(`${app.baseUrl}/signin`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});
