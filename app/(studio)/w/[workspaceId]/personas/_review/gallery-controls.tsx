// Choosing what the gallery shows: the run (finished runs, newest first, with their review
// status), which review statuses to offer, the order and which personas. A plain GET form, so it
// works before scripts load and the choice is in the address bar to share.
import { formatWhen } from "../run-format";
import { reviewStatusLabels, personaSetStatuses } from "~/server/domain/review";
import type { GalleryRun } from "~/server/features/personas/persona-gallery";
import { plural } from "~/app/_lib/format";

export interface GalleryQuery {
  run?: string;
  sort: "share" | "name" | "stability";
  status: "ALL" | (typeof personaSetStatuses)[number];
  show: "all" | "attention" | "edited";
}

export function GalleryControls({
  action,
  runs,
  selectedRunId,
  query,
  locale,
}: {
  action: string;
  runs: GalleryRun[];
  selectedRunId: string | null;
  query: GalleryQuery;
  /** The viewer's date locale (option labels are plain text, so no <time> element). */
  locale: string;
}) {
  return (
    <form method="get" action={action} className="pa-controls" aria-label="Gallery options">
      <div className="field">
        <label htmlFor="gallery-run">Analysis run</label>
        <select id="gallery-run" name="run" defaultValue={selectedRunId ?? ""}>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.surveyTitle} · {formatWhen(r.createdAt, locale)} ·{" "}
              {plural(r.personaCount, "persona")} · {reviewStatusLabels[r.reviewStatus]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="gallery-status">Review status</label>
        <select id="gallery-status" name="status" defaultValue={query.status}>
          <option value="ALL">Any status</option>
          {personaSetStatuses.map((s) => (
            <option key={s} value={s}>
              {reviewStatusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="gallery-sort">Sort by</label>
        <select id="gallery-sort" name="sort" defaultValue={query.sort}>
          <option value="share">Share of respondents</option>
          <option value="name">Name</option>
          <option value="stability">Stability</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="gallery-show">Show</label>
        <select id="gallery-show" name="show" defaultValue={query.show}>
          <option value="all">All personas</option>
          <option value="attention">Needing attention</option>
          <option value="edited">Edited by a person</option>
        </select>
      </div>
      <div>
        <button type="submit" className="button secondary">
          Show
        </button>
      </div>
    </form>
  );
}

const sorts = ["share", "name", "stability"] as const;
const shows = ["all", "attention", "edited"] as const;

/** Reads the gallery's query from the address; unknown values fall back to the defaults. */
export function readGalleryQuery(raw: Record<string, string | string[] | undefined>): GalleryQuery {
  const one = (key: string) => {
    const v = raw[key];
    return typeof v === "string" ? v : undefined;
  };
  const run = one("run");
  const sort = one("sort");
  const status = one("status");
  const show = one("show");
  return {
    run: run && /^[A-Za-z0-9_-]{1,64}$/.test(run) ? run : undefined,
    sort: sorts.find((s) => s === sort) ?? "share",
    status: status === "ALL" ? "ALL" : (personaSetStatuses.find((s) => s === status) ?? "ALL"),
    show: shows.find((s) => s === show) ?? "all",
  };
}
