// The report's two inline SVG charts: the silhouette over k (chosen k circled) and the personas'
// sizes, with the fixed-digit number format the report shares. Plain SVG, no scripts, so the
// report stays self-contained.
import type { AnalysisResult, Persona } from "./result";
import { formatShare } from "./trait-text";
import { type Raw, html } from "./report-html-markup";

export function fixed(value: number | null, digits = 3): string {
  return value === null ? "n/a" : value.toFixed(digits);
}

/** Line chart of the silhouette over k, the chosen k circled. */
export function kCurveSvg(result: AnalysisResult): Raw {
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
export function sizesSvg(personas: readonly Persona[]): Raw {
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
