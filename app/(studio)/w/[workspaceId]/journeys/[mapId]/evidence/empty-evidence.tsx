// The evidence slot before any run filled the map: what to do next, and for researchers and
// owners of a linked map a button that fills it from the newest finished analysis.
import Link from "next/link";
import type { MapData } from "../map-state";

export function EmptyEvidence({
  workspaceId,
  map,
  canEdit,
  busy,
  onFill,
}: {
  workspaceId: string;
  map: MapData;
  canEdit: boolean;
  busy: boolean;
  onFill: () => void;
}) {
  return (
    <div className="jm-evidence-empty">
      <p>
        <strong>Link a survey and run an analysis to fill this map</strong>
      </p>
      <p className="muted">
        {map.survey ? (
          <>
            This map is linked to “{map.survey.title}”. Each stage fills with what each persona
            felt, thought and struggled with, from the answers to the questions tied to it.{" "}
            <Link href={`/w/${workspaceId}/personas`} className="no-print">
              Run an analysis
            </Link>
          </>
        ) : (
          "Choose the survey that measures this journey under Evidence source; its analysis runs fill every persona × stage cell with emotions, thoughts and pain."
        )}
      </p>
      {map.survey && canEdit && (
        <p className="no-print">
          <button type="button" className="button secondary" disabled={busy} onClick={onFill}>
            Fill from the newest analysis
          </button>
        </p>
      )}
    </div>
  );
}
