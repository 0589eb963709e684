// The report's open-text sections: per question the tone split with intervals, the themes and the
// quotes that back them, or a note when too few people answered.
import type { PersonaTexts, TextQuestionSummary } from "./result";
import { formatShare } from "./trait-text";
import { type Raw, html } from "./report-html-markup";

const TONE_COLOURS = { negative: "#d9534f", neutral: "#b8bfca", positive: "#3c9a5f" } as const;
const TONE_ORDER = ["negative", "neutral", "positive"] as const;

function shareWithInterval(s: { share: number; lower: number; upper: number }): string {
  return `${formatShare(s.share)} (95 % CI ${formatShare(s.lower)}–${formatShare(s.upper)})`;
}

/** One stacked bar of the tone shares, with each share and its interval written beside it. */
function toneHtml(q: TextQuestionSummary): Raw {
  const tone = q.tone;
  if (tone === null) return html`<p class="note">${q.toneNote ?? "No tone shown."}</p>`;
  const width = 360;
  let x = 0;
  const segments = TONE_ORDER.map((label) => {
    const w = tone[label].share * width;
    const rect = html`<rect
      x="${x.toFixed(1)}"
      y="0"
      width="${w.toFixed(1)}"
      height="14"
      fill="${TONE_COLOURS[label]}"
      ><title>${label}: ${shareWithInterval(tone[label])}</title></rect
    >`;
    x += w;
    return rect;
  });
  const leans = tone.lean === "neutral" ? "no clear lean" : `leans ${tone.lean}`;
  return html`<p>
      <strong>Tone</strong> (n = ${tone.n}, ${leans}):
      ${TONE_ORDER.map((label, i) => html`${i > 0 ? " · " : ""}${label} ${shareWithInterval(tone[label])}`)}
    </p>
    <svg
      role="img"
      aria-label="Tone: shares negative, neutral and positive"
      width="${width}"
      height="14"
      viewBox="0 0 ${width} 14"
    >
      ${segments}
    </svg>
    ${q.toneNote ? html`<p class="note">${q.toneNote}</p>` : ""}`;
}

/** Themes shown per question; personas.json keeps them all. */
const THEMES_SHOWN = 5;
/** Quotes shown per theme. */
const QUOTES_SHOWN = 2;

/** One free-text question for one group: its tone, then its themes with shares and quotes. */
export function textQuestionHtml(q: TextQuestionSummary): Raw {
  if (q.insufficient) {
    return html`<h4>${q.questionLabel}</h4>
      <p class="note">${q.note ?? `Insufficient evidence (n = ${q.n}).`}</p>`;
  }
  const shown = q.themes.slice(0, THEMES_SHOWN);
  const more = q.themes.length - shown.length;
  return html`<h4>${q.questionLabel} <span class="muted small">(n = ${q.n} respondents)</span></h4>
    ${toneHtml(q)}
    ${
      q.topic.length > 0
        ? html`<p class="muted small">
            Most wrote about
            ${q.topic.map((t, i) => html`${i > 0 ? ", " : ""}“${t.label}” (${formatShare(t.share)})`)};
            that is the subject, not a theme.
          </p>`
        : ""
    }
    ${
      shown.length > 0
        ? html`<ol class="says">
              ${shown.map((t) => {
                const phrases = t.phrases.filter((x) => x !== t.label);
                return html`<li>
                  <strong>${t.label}</strong>: ${t.n} of ${q.n},
                  ${shareWithInterval(t)}${phrases.length > 0 ? html` <span class="muted small">· ${phrases.join(", ")}</span>` : ""}
                  ${t.quotes.slice(0, QUOTES_SHOWN).map(
                    (quote) =>
                      html`<blockquote>
                        ${quote.text}
                        <footer>respondent ${quote.responseId}</footer>
                      </blockquote>`,
                  )}
                </li>`;
              })}
            </ol>
            <p class="muted small">
              A respondent may carry several themes; ${q.unthemed} of ${q.n} are in
              none.${more > 0 ? ` ${more} smaller theme${more === 1 ? " is" : "s are"} in personas.json.` : ""}
            </p>`
        : html`<p class="note">${q.note ?? "No theme is shared by enough respondents."}</p>`
    }`;
}

/** "What they say": every free-text question; nothing when the run has no free text. */
export function textsHtml(title: string, texts: PersonaTexts | undefined): Raw | string {
  if (texts === undefined || texts.length === 0) return "";
  return html`<section class="says-section">
    <h3>${title}</h3>
    ${texts.map(textQuestionHtml)}
  </section>`;
}
