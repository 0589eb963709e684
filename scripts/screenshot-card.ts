// Screenshot of a demo persona card for the README: signs in to a running Persona Atlas as the
// demo strategist, opens the first persona of the gallery and saves its header and template
// fields (name to elevator pitch) as a PNG. Uses Debian's Chromium through playwright-core, like
// the end-to-end tests, which share the helpers below.
//   npx tsx scripts/screenshot-card.ts [baseUrl=http://localhost:3000] [out=docs/persona-card.png]
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { demoPassword, demoUsers } from "~/server/features/demo/seed";

export const CHROMIUM = "/usr/bin/chromium";
export const DEMO_STRATEGIST = "strategist@demo.personaatlas.test";

/** Signs in with the sign-in form and waits for the studio. */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/[^/]+\/surveys$/);
}

/** From the studio, opens the gallery and its first persona; returns the persona's name. */
export async function openFirstPersona(page: Page): Promise<string> {
  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Personas" })
    .click();
  await page.getByRole("heading", { name: /Persona gallery/ }).waitFor();
  const link = page.locator(".pa-gallery-card h3 a").first();
  const name = ((await link.textContent()) ?? "").trim();
  await link.click();
  await page.waitForURL(/\/personas\/\d+$/);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  return name;
}

/** Saves the persona's header and its template fields as one PNG. */
export async function captureCard(page: Page, out: string): Promise<void> {
  const header = await page.locator(".pa-persona-header").boundingBox();
  const fields = await page.locator('section[aria-labelledby="template-title"]').boundingBox();
  if (!header || !fields) throw new Error("The persona page has no card to capture.");
  const top = Math.max(0, header.y - 16);
  await page.screenshot({
    path: out,
    fullPage: true,
    clip: {
      x: Math.max(0, Math.min(header.x, fields.x) - 16),
      y: top,
      width: Math.max(header.width, fields.width) + 32,
      height: fields.y + fields.height - top + 16,
    },
  });
}

async function main(): Promise<void> {
  const [baseUrl = "http://localhost:3000", out = "docs/persona-card.png"] = process.argv.slice(2);
  if (!demoUsers.some((u) => u.email === DEMO_STRATEGIST)) {
    throw new Error(`The demo has no user ${DEMO_STRATEGIST}.`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    await signInAs(page, baseUrl.replace(/\/$/, ""), DEMO_STRATEGIST);
    const name = await openFirstPersona(page);
    await captureCard(page, path.resolve(out));
    process.stdout.write(`Saved the card of ${name} to ${out}\n`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
