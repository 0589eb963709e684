// The journey section of report.html: emotion curves per persona with their 95 % interval bands,
// the pain heat grid (persona x stage, index with interval and n), thought themes per cell, the
// suggested moments of truth and the prioritised gaps. Static SVG and HTML only, no scripts, so
// the report stays one self-contained file; every text from the data is escaped here.
import type { TFillCell, TJourneyFill } from "./journey/result";
import { escapeHtml as esc } from "./report-html-markup";

const PALETTE = ["#2f5fd0", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207"];
const ALL_COLOUR = "#5b6576";
const colour = (persona: number | null) =>
  persona === null ? ALL_COLOUR : (PALETTE[persona % PALETTE.length] as string);
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

interface Row {
  persona: number | null;
  name: string;
  n: number;
}

function rowsOf(fill: TJourneyFill): Row[] {
  return [
    ...fill.personas.map((p) => ({ persona: p.index as number | null, name: p.name, n: p.n })),
    { persona: null, name: "All respondents", n: fill.respondents },
  ];
}

function cellAt(fill: TJourneyFill, persona: number | null, stageId: string): TFillCell | null {
  return fill.cells.find((c) => c.personaIndex === persona && c.stageId === stageId) ?? null;
}

/** One line per row over the stages (−2..+2), its interval as a band; gaps where n is too small. */
function emotionCurvesSvg(fill: TJourneyFill, rows: readonly Row[]): string {
  const stages = fill.stages;
  const width = 760;
  const height = 260;
  // Room for the first and last stage names, centred under their points.
  const left = 72;
  const right = 64;
  const top = 16;
  const bottom = 40;
  const step = stages.length > 1 ? (width - left - right) / (stages.length - 1) : 0;
  const x = (i: number) => left + (stages.length > 1 ? i * step : (width - left - right) / 2);
  const y = (v: number) => top + ((2 - v) / 4) * (height - top - bottom);
  const parts: string[] = [];
  for (let level = -2; level <= 2; level++) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(level)}" y2="${y(level)}" stroke="#d9dee7"${level === 0 ? "" : ' stroke-dasharray="2 3"'}/>`,
      `<text x="${left - 6}" y="${y(level) + 4}" text-anchor="end">${level > 0 ? `+${level}` : level}</text>`,
    );
  }
  stages.forEach((s, i) => {
    parts.push(
      `<text x="${x(i)}" y="${height - bottom + 18}" text-anchor="middle">${esc(s.name)}</text>`,
    );
  });
  for (const row of rows) {
    const points = stages.map((s, i) => {
      const e = cellAt(fill, row.persona, s.id)?.emotion;
      return e?.status === "ok" ? { i, e } : null;
    });
    // Consecutive stages with values form one segment; an insufficient stage breaks the line.
    const segments: { i: number; mean: number; lower: number; upper: number }[][] = [];
    let current: { i: number; mean: number; lower: number; upper: number }[] = [];
    for (const p of points) {
      if (p) current.push({ i: p.i, mean: p.e.mean, ...p.e.interval });
      else if (current.length > 0) {
        segments.push(current);
        current = [];
      }
    }
    if (current.length > 0) segments.push(current);
    const c = colour(row.persona);
    const dash = row.persona === null ? ' stroke-dasharray="6 4"' : "";
    for (const seg of segments) {
      if (seg.length > 1) {
        const band = [
          ...seg.map((p) => `${x(p.i)},${y(p.upper)}`),
          ...[...seg].reverse().map((p) => `${x(p.i)},${y(p.lower)}`),
        ].join(" ");
        parts.push(`<polygon points="${band}" fill="${c}" fill-opacity="0.12" stroke="none"/>`);
        parts.push(
          `<polyline points="${seg.map((p) => `${x(p.i)},${y(p.mean)}`).join(" ")}" fill="none" stroke="${c}" stroke-width="2"${dash}/>`,
        );
      }
      for (const p of seg) {
        parts.push(
          `<line x1="${x(p.i)}" x2="${x(p.i)}" y1="${y(p.upper)}" y2="${y(p.lower)}" stroke="${c}" stroke-opacity="0.5"/>`,
          `<circle cx="${x(p.i)}" cy="${y(p.mean)}" r="3.5" fill="${c}"><title>${esc(row.name)}: ${signed(p.mean)} (95 % CI ${signed(p.lower)} to ${signed(p.upper)})</title></circle>`,
        );
      }
    }
  }
  const legend = rows
    .map(
      (r) =>
        `<span style="color:${colour(r.persona)};margin-right:14px">&#9632; ${esc(r.name)} (n = ${r.n})</span>`,
    )
    .join("");
  return `<svg role="img" aria-label="Emotion per stage and persona" viewBox="0 0 ${width} ${height}" width="100%">${parts.join("")}</svg><p class="small">${legend}</p>`;
}

/** White (0) to deep red (100). */
function heat(index: number): string {
  const t = Math.max(0, Math.min(1, index / 100));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(255, 180)},${mix(255, 35)},${mix(255, 24)})`;
}

function painHeatSvg(fill: TJourneyFill, rows: readonly Row[]): string {
  const labelWidth = 170;
  const cellWidth = Math.max(90, Math.min(150, Math.floor(600 / Math.max(1, fill.stages.length))));
  const cellHeight = 40;
  const width = labelWidth + cellWidth * fill.stages.length;
  const height = 22 + cellHeight * rows.length;
  const parts: string[] = [];
  fill.stages.forEach((s, i) => {
    parts.push(
      `<text x="${labelWidth + i * cellWidth + cellWidth / 2}" y="14" text-anchor="middle">${esc(s.name)}</text>`,
    );
  });
  rows.forEach((row, r) => {
    const top = 22 + r * cellHeight;
    parts.push(
      `<text x="${labelWidth - 8}" y="${top + cellHeight / 2 + 4}" text-anchor="end">${esc(row.name)}</text>`,
    );
    fill.stages.forEach((s, i) => {
      const pain = cellAt(fill, row.persona, s.id)?.pain;
      const left = labelWidth + i * cellWidth;
      const ok = pain?.status === "ok";
      const fillColour = ok ? heat(pain.index) : "#eef0f3";
      const dark = ok && pain.index > 60;
      const line1 = ok
        ? `${pain.index.toFixed(0)}${pain.test?.significant ? " *" : ""}`
        : "too few";
      const line2 = ok
        ? `${pain.interval.lower.toFixed(0)}–${pain.interval.upper.toFixed(0)}, n ${pain.n}`
        : `n = ${pain?.n ?? 0}`;
      const title = ok
        ? `Pain index ${pain.index.toFixed(0)} (95 % CI ${pain.interval.lower.toFixed(0)}–${pain.interval.upper.toFixed(0)}), severe ${(pain.severe.share * 100).toFixed(0)} %, n = ${pain.n}`
        : pain?.status === "insufficient"
          ? pain.reason
          : "No pain question at this stage";
      parts.push(
        `<g><title>${esc(title)}</title><rect x="${left + 1}" y="${top + 1}" width="${cellWidth - 2}" height="${cellHeight - 2}" rx="4" fill="${fillColour}"/>`,
        `<text x="${left + cellWidth / 2}" y="${top + 17}" text-anchor="middle" style="font-weight:600${dark ? ";fill:#fff" : ""}">${esc(line1)}</text>`,
        `<text x="${left + cellWidth / 2}" y="${top + 32}" text-anchor="middle" style="font-size:10px${dark ? ";fill:#fff" : ""}">${esc(line2)}</text></g>`,
      );
    });
  });
  return `<svg role="img" aria-label="Pain index per persona and stage" viewBox="0 0 ${width} ${height}" width="100%">${parts.join("")}</svg>`;
}

function themesHtml(cell: TFillCell | null): string {
  const t = cell?.thoughts;
  if (!t) return `<span class="muted">—</span>`;
  if (t.status === "insufficient") return `<span class="muted">${esc(t.reason)}</span>`;
  if (t.themes.length === 0) return `<span class="muted">No shared theme (n = ${t.n})</span>`;
  return t.themes
    .slice(0, 3)
    .map((th) => {
      const quote = th.quotes[0];
      return `<div><strong>${esc(th.label)}</strong> <span class="muted">${(th.share * 100).toFixed(0)} %, ${th.count} of ${t.n}</span>${quote ? `<blockquote>${esc(quote.text)}</blockquote>` : ""}</div>`;
    })
    .join("");
}

/** The whole journey section, ready to place inside report.html's main element. */
export function journeySectionHtml(fill: TJourneyFill): string {
  const rows = rowsOf(fill);
  const themeRows = rows
    .map(
      (row) =>
        `<tr><th>${esc(row.name)}</th>${fill.stages.map((s) => `<td>${themesHtml(cellAt(fill, row.persona, s.id))}</td>`).join("")}</tr>`,
    )
    .join("");
  const moments =
    fill.moments.length > 0
      ? `<ul>${fill.moments.map((m) => `<li>${esc(m.text)}</li>`).join("")}</ul>`
      : `<p class="muted">No stage stands out for any persona.</p>`;
  const gaps =
    fill.gaps.length > 0
      ? `<table><thead><tr><th>Persona</th><th>Stage</th><th class="num">pain index (95 % CI)</th><th class="num">share</th><th>effort</th><th>teams</th><th class="num">priority</th></tr></thead><tbody>${fill.gaps
          .map(
            (g) =>
              `<tr><td>${esc(g.personaName)}</td><td>${esc(g.stageName)}</td><td class="num">${g.severity.toFixed(0)} (${g.severityInterval.lower.toFixed(0)}–${g.severityInterval.upper.toFixed(0)})</td><td class="num">${(g.share * 100).toFixed(0)} %</td><td>${esc(g.effort)}${g.effortAssumed ? " (assumed)" : ""}</td><td>${esc(g.teams.join(", ") || "—")}</td><td class="num">${g.priority.toFixed(1)}</td></tr>`,
          )
          .join("")}</tbody></table>`
      : `<p class="muted">No persona suffers significantly more than the others at any stage.</p>`;
  const warnings =
    fill.warnings.length > 0
      ? `<ul class="warnings">${fill.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`
      : "";
  return `<section class="panel" id="journey">
<h2>Journey</h2>
<p class="muted">${fill.stages.length} stages (${fill.stages.map((s) => esc(s.name)).join(" → ")}), ${fill.personas.length} personas and all ${fill.respondents} respondents. Cells with fewer than ${fill.parameters.minN} answers show no value.</p>
${warnings}
<h3>Emotion per stage</h3>
<p class="small muted">Mean valence on −2 (very negative) … +2 (very positive); bands are 95 % intervals.</p>
${emotionCurvesSvg(fill, rows)}
<h3>Pain</h3>
<p class="small muted">Pain index = mean severity / 4 × 100 (0 nobody in pain, 100 everyone severe), 95 % interval and n; * suffers significantly more than the other personas (Benjamini-Hochberg q &lt; ${fill.parameters.alpha}).</p>
${painHeatSvg(fill, rows)}
<h3>Thoughts</h3>
<table><thead><tr><th></th>${fill.stages.map((s) => `<th>${esc(s.name)}</th>`).join("")}</tr></thead><tbody>${themeRows}</tbody></table>
<h3>Suggested moments of truth</h3>
${moments}
<h3>Gaps, highest priority first</h3>
${gaps}
<p class="small muted">${fill.notes.map(esc).join(" ")}</p>
</section>`;
}
