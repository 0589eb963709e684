// Taking the filled map out: the cells of the shown run as CSV or JSON, the map with its evidence
// as a landscape PDF (A4 or Letter) or PNG, the map itself as JSON (for the analyze command's
// --journey), and presentation mode (one stage per screen). The tables are plain links (the
// browser downloads with the session cookie); the PDF and PNG are drawn by a worker first
// (RenderDownload shows the wait).
import Link from "next/link";
import { RenderDownload } from "~/app/_components/render-download";

export function EvidenceDownloads({
  workspaceId,
  mapId,
  runId,
}: {
  workspaceId: string;
  mapId: string;
  runId: string;
}) {
  const base = `/api/v1/workspaces/${workspaceId}/journeys/${mapId}`;
  const run = `run=${encodeURIComponent(runId)}`;
  return (
    <nav className="ev-downloads" aria-label="Download or present this journey map">
      <span className="hint">Download:</span>
      <RenderDownload href={`${base}/pdf?paper=a4&${run}`} label="PDF (A4)" what="PDF" />
      <RenderDownload href={`${base}/pdf?paper=letter&${run}`} label="PDF (Letter)" what="PDF" />
      <RenderDownload href={`${base}/png?${run}`} label="PNG" what="PNG" />
      <a className="button secondary small" href={`${base}/export?format=csv&${run}`} download>
        Cells as CSV
      </a>
      <a className="button secondary small" href={`${base}/export?format=json&${run}`} download>
        Cells as JSON
      </a>
      <a
        className="button secondary small"
        href={`${base}/map`}
        download
        title="Stages and touchpoints, for npm run analyze -- --journey map.json"
      >
        Map as JSON
      </a>
      <Link className="button small" href={`/w/${workspaceId}/journeys/${mapId}/present?${run}`}>
        Present stages
      </Link>
    </nav>
  );
}
