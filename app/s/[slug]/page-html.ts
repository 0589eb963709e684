// The public survey page's HTML document, written by hand rather than by a Next page so that the
// respondent downloads one small Preact script (public/_respondent/, built by
// scripts/build-respondent.mjs) instead of React and the App Router runtime. Every script tag
// carries the request's CSP nonce (proxy.ts); the built files are pinned by subresource integrity.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { RespondentPageProps } from "~/app/_components/respondent/browser-entry";
import type { TLocale } from "~/server/domain/survey/definition";

interface BuiltAsset {
  href: string;
  integrity: string;
}
interface RespondentAssets {
  script: BuiltAsset;
  style: BuiltAsset;
}
interface FormRenderer {
  renderRespondentForm(props: RespondentPageProps): string;
}

const built = (file: string) => path.join(process.cwd(), "dist", file);
let assets: Promise<RespondentAssets> | undefined;
let renderer: Promise<FormRenderer> | undefined;

/** The bundle's file names and hashes, read once (they change only with a new build). */
function loadAssets(): Promise<RespondentAssets> {
  assets ??= readFile(built("respondent-assets.json"), "utf8").then(
    (text) => JSON.parse(text) as RespondentAssets,
  );
  return assets;
}

/** The form's server renderer, bundled with Preact at build time and loaded as it is. */
function loadRenderer(): Promise<FormRenderer> {
  const url = pathToFileURL(built("respondent-ssr.mjs")).href;
  renderer ??= import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ url
  ) as Promise<FormRenderer>;
  return renderer;
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** JSON that is safe inside a <script> element: no "</script>" or "<!--" can close it early. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));

interface DocumentParts {
  title: string;
  locale: TLocale;
  nonce: string;
  /** the page's <main>, already escaped HTML */
  main: string;
  /** the form's props when the page is interactive; no script is loaded without them */
  form?: RespondentPageProps;
}

/** A whole HTML document around the page's main element, with the stylesheet and, for an open
 * survey, the embedded survey and the form's script. */
export async function respondentDocument(parts: DocumentParts): Promise<string> {
  const { style, script } = await loadAssets();
  const nonce = escapeHtml(parts.nonce);
  const scripts = parts.form
    ? `<script type="application/json" id="respondent-props" nonce="${nonce}">${scriptJson(parts.form)}</script>` +
      `<script src="${script.href}" integrity="${script.integrity}" nonce="${nonce}" defer></script>`
    : "";
  return (
    `<!DOCTYPE html><html lang="${parts.locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(parts.title)}</title>` +
    `<meta name="robots" content="noindex, nofollow">` +
    `<link rel="stylesheet" href="${style.href}" integrity="${style.integrity}">${scripts}` +
    `</head><body><a class="skip-link" href="#main">Skip to content</a>` +
    `<div id="respondent-root">${parts.main}</div></body></html>`
  );
}

/** The open survey's form, drawn on the server from the same components the script hydrates. */
export async function renderForm(props: RespondentPageProps): Promise<string> {
  return (await loadRenderer()).renderRespondentForm(props);
}
