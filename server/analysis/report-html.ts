// Renders an analysis result as one self-contained report.html: inline CSS, inline SVG charts,
// no scripts, no external assets, so it can be mailed or archived and opened anywhere. Every
// piece of text that came from the data (labels, options, answers, ids) goes through escapeHtml:
// a CSV cell must never become markup. Cards are shown as drafts with the traits behind them.
import { MIN_GROUP_N, qFamilyNote, traitFamily, TRAIT_FAMILY_TEXT } from "./evidence-rules";
import type { TJourneyFill } from "./journey/result";
import { journeySectionHtml } from "./journey-report-svg";
import type {
  AnalysisResult,
  CardSection,
  Persona,
  PersonaTexts,
  TextQuestionSummary,
  Trait,
} from "./result";
import { analysisSamples, sampleNote } from "./sample-disclosure";
import { stabilityText } from "./stability-text";
import {
  directionLabel,
  formatInterval,
  formatQ,
  formatShare,
  formatValue,
  insufficientText,
  traitSummary,
} from "./trait-text";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Tagged template: interpolated values are escaped unless wrapped in raw(). */
class Raw {
  constructor(readonly html: string) {}
}
function raw(html: string): Raw {
  return new Raw(html);
}
function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    const parts = Array.isArray(v) ? v : [v];
    for (const part of parts) {
      out += part instanceof Raw ? part.html : escapeHtml(part ?? "");
    }
    out += strings[i + 1] ?? "";
  });
  return new Raw(out);
}

const CSS = `
:root{--ink:#1d2430;--muted:#5b6576;--line:#d9dee7;--accent:#2f5fd0;--warn:#a4570b;--bad:#b42318;--good:#1f7a3f;--bg:#f6f7f9}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px}.panel h2,.persona h2{margin-top:0}h3{font-size:16px;margin:16px 0 6px}
.muted{color:var(--muted)}.small{font-size:13px}
section.panel,article.persona{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;border:1px solid currentColor;margin-left:6px;vertical-align:middle}
.draft{color:var(--warn)}.segment{color:var(--accent);font-weight:500}.stable{color:var(--good)}.uncertain{color:var(--warn)}.unstable{color:var(--bad)}
.warnings li{color:var(--warn)}
.note{font-style:italic;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{font-weight:600;background:#fafbfc}th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
blockquote{margin:8px 0;padding:6px 12px;border-left:3px solid var(--accent);background:#f3f6fd}
blockquote footer{font-size:12px;color:var(--muted)}
.refs{font-size:11px;color:var(--muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:4px 24px}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
.says{margin:8px 0 12px}.says>li{margin:6px 0}.says blockquote{font-size:14px}
`;

function fixed(value: number | null, digits = 3): string {
  return value === null ? "n/a" : value.toFixed(digits);
}

/** Line chart of the silhouette over k, the chosen k circled. */
function kCurveSvg(result: AnalysisResult): Raw {
  const curve = result.metrics.curve.filter((c) => c.silhouette !== null);
  if (curve.length === 0) return html`<p class="note">No silhouette curve to show.</p>`;
  const width = 520;
  const height = 220;
  const pad = { left: 48, right: 16, top: 16, bottom: 36 };
  const ks = curve.map((c) => c.k);
  const kLo = Math.min(...ks);
  const kHi = Math.max(...ks);
  const values = curve.map((c) => c.silhouette as number);
  const yLo = Math.min(0, ...values);
  const yHi = Math.max(0.1, ...values);
  const x = (k: number): number =>
    pad.left + (kHi === kLo ? 0.5 : (k - kLo) / (kHi - kLo)) * (width - pad.left - pad.right);
  const y = (v: number): number =>
    pad.top + (1 - (v - yLo) / (yHi - yLo)) * (height - pad.top - pad.bottom);
  const points = curve.map((c) => `${x(c.k).toFixed(1)},${y(c.silhouette as number).toFixed(1)}`);
  const chosen = curve.find((c) => c.k === result.metrics.chosenK);
  const ticks = [yLo, (yLo + yHi) / 2, yHi];
  return html`<svg
    role="img"
    aria-label="Silhouette by number of personas"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
  >
    <line
      x1="${pad.left}"
      y1="${height - pad.bottom}"
      x2="${width - pad.right}"
      y2="${height - pad.bottom}"
      stroke="#999"
    />
    <line
      x1="${pad.left}"
      y1="${pad.top}"
      x2="${pad.left}"
      y2="${height - pad.bottom}"
      stroke="#999"
    />
    ${ticks.map((t) => html`<text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(2)}</text>`)}
    ${curve.map((c) => html`<text x="${x(c.k)}" y="${height - pad.bottom + 16}" text-anchor="middle">${c.k}</text>`)}
    <text x="${(width + pad.left) / 2}" y="${height - 4}" text-anchor="middle">
      number of personas (k)
    </text>
    <polyline points="${points.join(" ")}" fill="none" stroke="#2f5fd0" stroke-width="2" />
    ${curve.map((c) => html`<circle cx="${x(c.k)}" cy="${y(c.silhouette as number)}" r="3.5" fill="${c.eligible ? "#2f5fd0" : "#fff"}" stroke="#2f5fd0"><title>k = ${c.k}: silhouette ${fixed(c.silhouette)}, smallest persona ${formatShare(c.minShare)}${c.eligible ? "" : " (too small)"}</title></circle>`)}
    ${chosen ? html`<circle cx="${x(chosen.k)}" cy="${y(chosen.silhouette as number)}" r="9" fill="none" stroke="#b42318" stroke-width="2" /><text x="${x(chosen.k)}" y="${y(chosen.silhouette as number) - 14}" text-anchor="middle" fill="#b42318">chosen k = ${chosen.k}</text>` : ""}
  </svg>`;
}

/** Horizontal bars of persona shares with Wilson intervals as whiskers. */
function sizesSvg(personas: readonly Persona[]): Raw {
  const width = 520;
  const row = 28;
  const labelWidth = 170;
  const height = personas.length * row + 30;
  const span = width - labelWidth - 60;
  const x = (share: number): number => labelWidth + share * span;
  return html`<svg
    role="img"
    aria-label="Persona sizes with 95 % intervals"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
  >
    ${personas.map((p, i) => {
      const top = 8 + i * row;
      return html`<text x="${labelWidth - 8}" y="${top + 15}" text-anchor="end">${p.name}</text>
        <rect
          x="${labelWidth}"
          y="${top + 4}"
          width="${(p.share.estimate * span).toFixed(1)}"
          height="16"
          fill="#9db4ec"
        />
        <line
          x1="${x(p.share.lower)}"
          y1="${top + 12}"
          x2="${x(p.share.upper)}"
          y2="${top + 12}"
          stroke="#1d2430"
          stroke-width="1.5"
        />
        <line
          x1="${x(p.share.lower)}"
          y1="${top + 7}"
          x2="${x(p.share.lower)}"
          y2="${top + 17}"
          stroke="#1d2430"
        />
        <line
          x1="${x(p.share.upper)}"
          y1="${top + 7}"
          x2="${x(p.share.upper)}"
          y2="${top + 17}"
          stroke="#1d2430"
        />
        <text x="${x(p.share.upper) + 6}" y="${top + 16}"
          >${formatShare(p.share.estimate)} (n = ${p.size})</text
        >`;
    })}
    <text x="${labelWidth}" y="${height - 4}" class="small">
      bars: share of clustered respondents; whiskers: 95 % Wilson interval
    </text>
  </svg>`;
}

function sectionHtml(title: string, s: CardSection): Raw {
  return html`<div>
    <h3>${title}</h3>
    ${
      s.sentences.length > 0
        ? html`<ul>
            ${s.sentences.map((x) => html`<li>${x.text} <span class="refs">[${x.traitIds.join(", ")}]</span></li>`)}
          </ul>`
        : ""
    }
    ${s.note ? html`<p class="note">${s.note}</p>` : ""}
  </div>`;
}

function traitRow(t: Trait): Raw {
  const symbol = { "cohens-h": "h", "cohens-d": "d", "cliffs-delta": "δ" }[t.effect.name];
  return html`<tr>
    <td>
      ${t.label} <span class="muted">${directionLabel(t)}</span>
      ${traitFamily(t) === "segment" ? html` <span class="badge segment">${TRAIT_FAMILY_TEXT.segment}</span>` : ""}
    </td>
    <td class="num">${t.personaN} / ${t.restN}</td>
    <td class="num">
      ${formatValue(t, t.personaValue)}
      <span class="muted">[${formatInterval(t, t.personaInterval)}]</span>
    </td>
    <td class="num">
      ${formatValue(t, t.restValue)}
      <span class="muted">[${formatInterval(t, t.restInterval)}]</span>
    </td>
    <td class="num">${symbol} = ${t.effect.value.toFixed(2)} (${t.effect.magnitude})</td>
    <td class="num">${insufficientText(t) ?? formatQ(t.q)}</td>
    <td class="refs">${t.id}</td>
  </tr>`;
}

/** Traits below the minimum n carry no verdict; the reader is told how many and why. */
function insufficientNote(p: Persona, result: AnalysisResult): Raw | string {
  const few = p.traits.filter((t) => t.insufficient).length;
  if (few === 0) return "";
  const minGroupN = result.parameters.minGroupN ?? MIN_GROUP_N;
  return html`<p class="note">
    Insufficient evidence (n = ${p.size}) for ${few} of ${p.traits.length} traits: a difference
    needs at least ${minGroupN} answers in the persona and among the others.
  </p>`;
}

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
function textQuestionHtml(q: TextQuestionSummary): Raw {
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
function textsHtml(title: string, texts: PersonaTexts | undefined): Raw | string {
  if (texts === undefined || texts.length === 0) return "";
  return html`<section class="says-section">
    <h3>${title}</h3>
    ${texts.map(textQuestionHtml)}
  </section>`;
}

function personaHtml(p: Persona, result: AnalysisResult): Raw {
  const byId = new Map(p.traits.map((t) => [t.id, t]));
  const distinguishing = p.distinguishingTraitIds
    .map((id) => byId.get(id))
    .filter((t): t is Trait => t !== undefined);
  const card = p.card;
  const n = result.encoding.clustered;
  return html`<article class="persona" id="${p.id}">
    <h2>
      ${p.name}<span class="badge draft">DRAFT</span
      ><span class="badge ${p.stability.label}">${stabilityText(p.stability)}</span>
    </h2>
    <p class="muted">
      ${p.size} of ${n} respondents · ${formatShare(p.share.estimate)} (95 % CI
      ${formatShare(p.share.lower)}–${formatShare(p.share.upper)}) · ${p.ambiguousMemberIds.length}
      ambiguous members · avatar seed <code>${card.avatarSeed}</code>
    </p>
    <p class="note">${card.draftNote} ${card.nameNote}</p>
    ${card.evidence === "thin" ? html`<p class="note"><strong>Thin evidence:</strong> nothing sets this persona apart from the rest.</p>` : ""}
    <div class="grid">
      ${sectionHtml("Tagline", card.tagline)} ${sectionHtml("Job", card.job)}
      ${sectionHtml("Demographics", card.demographics)} ${sectionHtml("Goals", card.goals)}
      ${sectionHtml("Challenges", card.challenges)} ${sectionHtml("Values", card.values)}
      ${sectionHtml("Fears", card.fears)} ${sectionHtml("Marketing message", card.marketingMessage)}
      ${sectionHtml("Elevator pitch", card.elevatorPitch)}
    </div>
    <h3>Quotes from typical members</h3>
    ${
      card.quotes.length > 0
        ? card.quotes.map(
            (q) =>
              html`<blockquote>
                ${q.text}
                <footer>
                  respondent ${q.responseId} · ${q.questionLabel} · closeness rank
                  ${q.closenessRank}
                </footer>
              </blockquote>`,
          )
        : html`<p class="note">${card.quotesNote ?? "No quotes."}</p>`
    }
    ${textsHtml("What they say", p.texts)}
    <h3>Distinguishing traits (${distinguishing.length} of ${p.traits.length} tested)</h3>
    ${
      distinguishing.length > 0
        ? html`<table>
            <thead>
              <tr>
                <th>trait</th>
                <th class="num">n persona / rest</th>
                <th class="num">persona [95 % CI]</th>
                <th class="num">rest [95 % CI]</th>
                <th class="num">effect</th>
                <th class="num">q</th>
                <th>id</th>
              </tr>
            </thead>
            <tbody>
              ${distinguishing.map(traitRow)}
            </tbody>
          </table>`
        : html`<p class="note">
            No trait reaches q &lt; ${result.parameters.alpha} with at least a small effect.
          </p>`
    }
    ${insufficientNote(p, result)}
  </article>`;
}

export function renderReportHtml(
  result: AnalysisResult,
  options: { title?: string; journey?: TJourneyFill | null } = {},
): string {
  const title = options.title ?? "Persona analysis";
  const m = result.metrics;
  const samples = analysisSamples(result);
  const silhouetteNote = sampleNote(samples.silhouette, samples.clustered);
  const curveNote = sampleNote(samples.curve, samples.clustered);
  const body = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p class="muted">
            ${result.personas.length} draft personas from ${result.encoding.clustered} clustered
            respondents (${result.input.respondents} read,
            ${result.encoding.excludedResponseIds.length} excluded), clustered on
            ${result.encoding.segmentQuestionIds.length} segment questions · seed
            ${result.parameters.seed} · schema v${result.schemaVersion}
          </p>
          ${
            result.warnings.length > 0
              ? html`<section class="panel">
                  <h2>Read this first</h2>
                  <ul class="warnings">
                    ${result.warnings.map((w) => html`<li>${w}</li>`)}
                  </ul>
                </section>`
              : ""
          }
          <section class="panel">
            <h2>How many personas</h2>
            <p>
              ${m.explanation} Structure: <strong>${m.structure}</strong> (silhouette
              ${fixed(m.silhouette)}${silhouetteNote ? `, ${silhouetteNote}` : ""}).
            </p>
            ${kCurveSvg(result)}
            ${
              curveNote || silhouetteNote
                ? html`<p class="muted">
                    ${curveNote ? `The curve (inertia, smallest persona) is ${curveNote}. ` : ""}${silhouetteNote ? `Silhouettes are ${silhouetteNote}.` : ""}
                  </p>`
                : ""
            }
            <table>
              <thead>
                <tr>
                  <th>k</th>
                  <th class="num">silhouette</th>
                  <th class="num">inertia</th>
                  <th class="num">smallest persona</th>
                  <th>eligible</th>
                </tr>
              </thead>
              <tbody>
                ${m.curve.map((c) => html`<tr${c.k === m.chosenK ? raw(' style="font-weight:600"') : ""}><td>${c.k}</td><td class="num">${fixed(c.silhouette)}</td><td class="num">${c.inertia.toFixed(1)}</td><td class="num">${formatShare(c.minShare)}</td><td>${c.eligible ? "yes" : "no"}</td></tr>`)}
              </tbody>
            </table>
          </section>
          <section class="panel">
            <h2>Persona sizes</h2>
            ${sizesSvg(result.personas)}
            <ul>
              ${result.personas.map((p) => {
                const byId = new Map(p.traits.map((t) => [t.id, t]));
                const top = p.distinguishingTraitIds.slice(0, 2).map((id) => byId.get(id));
                return html`<li>
                  <a href="#${p.id}">${p.name}</a>:
                  ${
                    top
                      .filter((t): t is Trait => t !== undefined)
                      .map(traitSummary)
                      .join("; ") || "no distinguishing traits"
                  }
                </li>`;
              })}
            </ul>
          </section>
          ${
            result.texts && result.texts.length > 0
              ? html`<section class="panel">
                  <h2>What everyone says</h2>
                  <p class="muted">
                    All ${result.encoding.clustered} clustered respondents together, the baseline
                    for each persona's “What they say”. Themes are shares of respondents with 95 %
                    Wilson intervals; tone is the share of respondents whose answer reads negative,
                    neutral or positive (English answers only).
                  </p>
                  ${result.texts.map(textQuestionHtml)}
                </section>`
              : ""
          }
          ${result.personas.map((p) => personaHtml(p, result))}
          ${options.journey ? raw(journeySectionHtml(options.journey)) : ""}
          <p class="muted small">
            ${qFamilyNote(m.testsRun, m.segmentTests ?? null)} Distinguishing = q &lt;
            ${result.parameters.alpha} within its family, at least a small effect (|h|, |d| ≥ 0.2,
            |δ| ≥ 0.147) and at least ${result.parameters.minGroupN ?? MIN_GROUP_N} answers in the
            persona and among the others (fewer: insufficient evidence). Traits marked
            “${TRAIT_FAMILY_TEXT.segment}” are on the segment questions: they describe the personas
            and are not findings. Ordinal ratings are compared on ranks: the chance that a member
            answers higher than one of the others (ties count half), means as context. Intervals are
            95 %.
          </p>
        </main>
      </body>
    </html> `;
  return body.html;
}
