// The answer to a share link that opens nothing, written by proxy.ts before Next renders: a whole
// 404 document. A Next page that calls notFound() cannot promise the status, because under load
// Next may already have sent the page's first bytes, with 200, by the time the page looks the
// link up; here the status is decided before any byte goes out. The page borrows the public
// survey page's stylesheet, so it looks like the other pages strangers see.
import { escapeHtml, respondentDocument } from "~/app/s/[slug]/page-html";
import { refusedShareBody, refusedShareTitle } from "./refused-copy";

/** The share path's token (`/share/<token>` and the pages under it), or null for other paths. */
export function shareTokenOf(pathname: string): string | null {
  const match = /^\/share\/([^/]+)(?:\/|$)/.exec(pathname);
  return match ? match[1]! : null;
}

/** A complete 404 HTML response for a dead share link, its scripts and styles under `policy`. */
export async function refusedSharePage(nonce: string, policy: string): Promise<Response> {
  const main =
    `<main id="main" class="respondent"><div class="respondent-card">` +
    `<section class="respondent-outcome" aria-labelledby="refused-title">` +
    `<h1 id="refused-title">${escapeHtml(refusedShareTitle)}</h1>` +
    `<p>${escapeHtml(refusedShareBody)}</p></section></div></main>`;
  const body = await respondentDocument({ title: "Shared personas", locale: "en", nonce, main });
  return new Response(body, {
    status: 404,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": policy,
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
