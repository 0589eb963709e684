// What each stage's screen shows, read from the map and its fill: name, description, goals,
// touchpoints by layer, one line per persona (and all respondents) with emotion and pain and
// their intervals or "insufficient (n = …)", and a representative quote. Pure; no React.
import { plain, range, signed } from "~/server/analysis/journey/format";
import type { TJourneyFill } from "~/server/analysis/journey/result";
import { layerLabels, touchpointLayers, type TTouchpointLayer } from "~/server/domain/journey";
import { everyoneColour, personaColour } from "../evidence/fill-data";

export interface StageSlide {
  id: string;
  name: string;
  description: string;
  goals: string[];
  layers: { layer: string; touchpoints: string[] }[];
  rows: { key: string; name: string; colour: string; emotion: string; pain: string }[];
  quote: { text: string; who: string } | null;
}

interface StageInput {
  id: string;
  name: string;
  description: string;
  goals: string[];
  touchpoints: { name: string; layer: TTouchpointLayer }[];
}

export function stageSlides(stages: StageInput[], fill: TJourneyFill | null): StageSlide[] {
  const rows = fill
    ? [
        ...fill.personas.map((p) => ({
          index: p.index as number | null,
          name: p.name,
          colour: personaColour(p.index),
        })),
        { index: null, name: "All respondents", colour: everyoneColour },
      ]
    : [];
  const cellOf = (index: number | null, stageId: string) =>
    fill?.cells.find((c) => c.personaIndex === index && c.stageId === stageId);
  return stages.map((stage) => {
    const quoteCell = rows
      .map((r) => ({ row: r, cell: cellOf(r.index, stage.id) }))
      .find((x) => x.cell?.thoughts.status === "ok" && x.cell.thoughts.quotes.length > 0);
    const quoteThoughts = quoteCell?.cell?.thoughts;
    const quote = quoteThoughts?.status === "ok" ? quoteThoughts.quotes[0] : undefined;
    return {
      id: stage.id,
      name: stage.name,
      description: stage.description,
      goals: stage.goals,
      layers: touchpointLayers.map((layer) => ({
        layer: layerLabels[layer],
        touchpoints: stage.touchpoints.filter((t) => t.layer === layer).map((t) => t.name),
      })),
      rows: rows.map((r) => {
        const cell = cellOf(r.index, stage.id);
        const e = cell?.emotion;
        const p = cell?.pain;
        return {
          key: r.index === null ? "all" : `p${r.index}`,
          name: r.name,
          colour: r.colour,
          emotion: !e
            ? "not in this fill"
            : e.status === "ok"
              ? `${signed(e.mean)} [${range(e.interval, (v) => signed(v))}], n = ${e.n}`
              : `insufficient evidence (n = ${e.n})`,
          pain: !p
            ? "not in this fill"
            : p.status === "ok"
              ? `${Math.round(p.index)} of 100 [${range(p.interval, (v) => plain(v, 0))}], n = ${p.n}${p.test?.significant ? ", significantly more than others" : ""}`
              : `insufficient evidence (n = ${p.n})`,
        };
      }),
      quote: quote && quoteCell ? { text: quote.text, who: quoteCell.row.name } : null,
    };
  });
}
