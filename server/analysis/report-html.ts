// Renders an analysis result as one self-contained report.html: inline CSS, inline SVG charts,
// no scripts, no external assets, so it can be mailed or archived and opened anywhere. Every
// piece of text that came from the data (labels, options, answers, ids) goes through escapeHtml:
// a CSV cell must never become markup. Cards are shown as drafts with the traits behind them.
import { MIN_GROUP_N, qFamilyNote, traitFamily, TRAIT_FAMILY_TEXT } from "./evidence-rules";
import type { TJourneyFill } from "./journey/result";
import { journeySectionHtml } from "./journey-report-svg";
import type { AnalysisResult, CardSection, Persona, Trait } from "./result";
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
import { type Raw, raw, html } from "./report-html-markup";
import { fixed, kCurveSvg, sizesSvg } from "./report-html-charts";
import { textQuestionHtml, textsHtml } from "./report-html-texts";

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
