// Renders one of the app's own print pages to PDF (A4 or Letter landscape) or PNG with headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core; PERSONA_ATLAS_CHROMIUM overrides the
// path). The page is fetched from this server itself (PERSONA_ATLAS_INTERNAL_URL, by default
// http://127.0.0.1:$PORT) with the requesting person's cookies, so it shows exactly what they
// may see and authorisation stays with the page. At most two renders run at once (Chromium is
// heavy and the machine may be small) with a bounded queue behind them (render-queue.ts); a full
// queue and a missing Chromium are typed errors the routes turn into 429 and 503, not a crash. A page that prints over several sheets asks for a running header and footer
// (frame "running"): the sheets get margins, the page's data-print-header / data-print-footer text
// at the top and bottom of each sheet with "page X of Y", and the browser window is as wide as
// the printable area, so charts measured on screen fit the sheet.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { config } from "~/server/infra/config";
import { RenderQueue, renderQueueLength } from "./render-queue";

export class RendererUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RendererUnavailableError";
  }
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return config(env).chromiumPath;
}

export function internalBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const { internalUrl, port } = config(env);
  return internalUrl ? internalUrl.replace(/\/+$/, "") : `http://127.0.0.1:${port}`;
}

/** Chromium refuses to start its sandbox as root (containers); elsewhere keep the sandbox. */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
}

/** Two renders at once, a short line behind them, refusals past it (render-queue.ts). */
export const renderQueue = new RenderQueue(2, renderQueueLength());

export interface RenderOptions {
  /** Path on this server, e.g. /print/w/…/personas/0 */
  path: string;
  format: "pdf" | "png";
  /** The Cookie header of the person asking, so the page sees their session. */
  cookie: string | null;
  /** The person's Accept-Language header, so dates on the sheet read as in their browser. */
  acceptLanguage?: string | null;
  timeoutMs?: number;
  /** PDF paper, always landscape; A4 unless said otherwise. */
  paper?: "a4" | "letter";
  /** "sheet": the page draws its own edges (one card per sheet); "running": margins with a
   * header and footer from the page's data-print-header and data-print-footer. */
  frame?: "sheet" | "running";
}

/** A4 and Letter landscape at 96 dpi. */
const A4_LANDSCAPE = { width: 1123, height: 794 };
const LETTER_LANDSCAPE = { width: 1056, height: 816 };
/** Side margin of a sheet with a running header (8 mm at 96 dpi, rounded up). */
const RUNNING_SIDE_PX = 31;
const RUNNING_MARGIN = { top: "14mm", bottom: "12mm", left: "8mm", right: "8mm" };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Chromium's header and footer templates: plain text, small, grey, with page numbers. */
export function runningTemplates(header: string, footer: string) {
  const style =
    "font-family: system-ui, sans-serif; font-size: 9px; color: #3d4558; width: 100%; " +
    "padding: 0 8mm; display: flex; justify-content: space-between; gap: 6mm;";
  return {
    headerTemplate: `<div style="${style}"><span>${escapeHtml(header)}</span></div>`,
    footerTemplate:
      `<div style="${style}"><span>${escapeHtml(footer)}</span>` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

export async function renderAppPage(options: RenderOptions): Promise<Buffer> {
  const executablePath = chromiumPath();
  // Not a project file: keep the bundler from tracing the whole project for it.
  if (!existsSync(/*turbopackIgnore: true*/ executablePath)) {
    throw new RendererUnavailableError(
      `PDF and PNG export needs Chromium, which is not installed on this server (looked for ${executablePath}). ` +
        "Install it (Debian: apt-get install chromium) or set PERSONA_ATLAS_CHROMIUM; CSV and JSON exports work without it.",
    );
  }
  const timeout = options.timeoutMs ?? 30_000;
  return renderQueue.run(async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath, args: chromiumArgs(), timeout });
    } catch (error) {
      throw new RendererUnavailableError(
        `Chromium could not start on this server, so PDF and PNG export is unavailable: ${(error as Error).message.split("\n")[0]}`,
      );
    }
    try {
      const paper = options.paper === "letter" ? LETTER_LANDSCAPE : A4_LANDSCAPE;
      const running = options.frame === "running";
      const context = await browser.newContext({
        viewport: running ? { ...paper, width: paper.width - 2 * RUNNING_SIDE_PX } : paper,
        deviceScaleFactor: options.format === "png" ? 2 : 1,
        extraHTTPHeaders: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.acceptLanguage ? { "accept-language": options.acceptLanguage } : {}),
        },
      });
      const page = await context.newPage();
      await page.emulateMedia({ media: "print" });
      const response = await page.goto(`${internalBaseUrl()}${options.path}`, {
        waitUntil: "load",
        timeout,
      });
      if (!response || response.status() >= 400) {
        throw new Error(`The print page answered ${response?.status() ?? "nothing"}.`);
      }
      if (!new URL(page.url()).pathname.startsWith("/print/")) {
        throw new Error("The print page sent the browser elsewhere (is the session still valid?).");
      }
      // The page marks itself ready once its charts have drawn.
      await page.waitForSelector('[data-print-ready="true"]', { timeout, state: "attached" });
      if (options.format === "pdf") {
        const texts = running
          ? await page.evaluate(() => {
              const marked = document.querySelector("[data-print-header]");
              return {
                header: marked?.getAttribute("data-print-header") ?? document.title,
                footer: marked?.getAttribute("data-print-footer") ?? "",
              };
            })
          : null;
        return await page.pdf({
          format: options.paper === "letter" ? "Letter" : "A4",
          landscape: true,
          printBackground: true,
          preferCSSPageSize: true,
          ...(texts
            ? {
                displayHeaderFooter: true,
                margin: RUNNING_MARGIN,
                ...runningTemplates(texts.header, texts.footer),
              }
            : {}),
        });
      }
      return await page.screenshot({ type: "png", fullPage: true });
    } finally {
      await browser.close().catch(() => undefined);
    }
  });
}
