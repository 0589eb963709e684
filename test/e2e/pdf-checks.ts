// Checks on downloaded files for the end-to-end tests: a PDF's page count and size (poppler's
// pdfinfo), its text (pdftotext), one page rendered to PNG (pdftoppm, kept with the screenshots)
// and how much of an image is ink rather than white paper (measured by the browser's canvas);
// and fetching a rendered file the way an API client does (ask, poll the job, fetch the file).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Asks for a PDF or PNG (202 with the job's URL in Location), polls the job until it is done and
 * answers the file's response.
 */
export async function fetchRendered(
  request: APIRequestContext,
  url: string,
  timeoutMs = 90_000,
): Promise<APIResponse> {
  const asked = await request.get(url);
  expect(asked.status()).toBe(202);
  const location = asked.headers()["location"] ?? "";
  expect(location).toMatch(/^\/api\/v1\/workspaces\/[^/]+\/renders\/[^/]+$/);
  // The job and file URLs are paths on the same server as the request.
  const jobUrl = new URL(location, url).href;
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await request.get(jobUrl)).json()) as {
      status: string;
      error: string | null;
      fileUrl: string | null;
    };
    if (job.status === "failed") throw new Error(`The render failed: ${job.error}`);
    if (job.status === "done" && job.fileUrl) return request.get(new URL(job.fileUrl, url).href);
    if (Date.now() > end) throw new Error(`The render of ${url} is still ${job.status}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, e.g. 842 x 595 for A4 landscape. */
  width: number;
  height: number;
}

export function pdfInfo(file: string): PdfInfo {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? [];
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0),
    width: Number(width),
    height: Number(height),
  };
}

/** The PDF's text; with `pages`, only those pages (1-based, inclusive). */
export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8" });
}

/** Renders one page at 60 dpi to test-results/screenshots/<name>.png; returns the PNG. */
export function renderPdfPage(file: string, pageNumber: number, name: string): Buffer {
  const shots = path.join("test-results", "screenshots");
  mkdirSync(shots, { recursive: true });
  const base = path.join(shots, name);
  const at = String(pageNumber);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", at, "-l", at, "-singlefile", file, base]);
  return readFileSync(`${base}.png`);
}

/** Share of pixels that are not (nearly) white in a PNG, measured by the browser's canvas. */
export async function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async (dataUrl) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext("2d");
      if (!ctx) return 0;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number) < 600) ink += 1;
      }
      return ink / (data.length / 4);
    },
    `data:image/png;base64,${png.toString("base64")}`,
  );
}
