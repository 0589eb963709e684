// The key to the pain heat row: the colour classes of the index, the mark for "suffers more than
// the others", and what a grey cell means.
import { painBandEdgesNote, painBandLabel, painBands } from "~/server/domain/pain-bands";
import { Glossary } from "~/app/_components/glossary";

export function PainLegend() {
  return (
    <div className="ev-legend" aria-label="Key to the pain severity colours" role="group">
      <span className="ev-legend-title">Pain index, banded by the whole number shown:</span>
      {painBands.map((band) => (
        <span key={band.from} className="ev-legend-item">
          <span
            className="ev-legend-chip"
            style={{ background: band.background }}
            aria-hidden="true"
          />
          {painBandLabel(band)}
        </span>
      ))}
      <span className="ev-legend-item ev-legend-edges">{painBandEdgesNote()}</span>
      <span className="ev-legend-item">
        <span aria-hidden="true">▲</span> significantly more than the other personas (Mann-Whitney,
        Benjamini-Hochberg q below α)
        <Glossary term="q" />, effect as Cliff&apos;s δ
        <Glossary term="delta" />
      </span>
      <span className="ev-legend-item">
        <span className="ev-legend-chip ev-legend-none" aria-hidden="true" />
        insufficient evidence: no value shown
      </span>
    </div>
  );
}
