// Comments on one evidence cell: inside its evidence card a button that opens the cell's
// discussion, and on the cell itself the number of threads once there are any (also a button).
// Cells without an evidence card (thoughts, insufficient evidence) get DiscussLink: the count
// when there are threads, else a small "Discuss" button. Nothing in print, where the grid has no
// comments.
"use client";
import type { TJourneyCellAspect } from "~/server/domain/journey-cell-key";
import type { GridContext } from "./grid-context";

interface CellRef {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  aspect: TJourneyCellAspect;
  label: string;
}

export function CommentButton({ ctx, personaIndex, stageId, aspect, label }: CellRef) {
  const comments = ctx.comments;
  if (!comments) return null;
  const count = comments.count(personaIndex, stageId, aspect);
  return (
    <p className="ev-popover-link">
      <button
        type="button"
        className="button secondary small"
        onClick={() => comments.open(personaIndex, stageId, aspect, label)}
      >
        Comment{count > 0 ? ` (${count} ${count === 1 ? "thread" : "threads"})` : ""}
        <span className="visually-hidden"> on {label}</span>
      </button>
    </p>
  );
}

export function CommentCount({ ctx, personaIndex, stageId, aspect, label }: CellRef) {
  const comments = ctx.comments;
  const count = comments?.count(personaIndex, stageId, aspect) ?? 0;
  if (!comments || count === 0) return null;
  return (
    <button
      type="button"
      className="ev-comment-count"
      onClick={() => comments.open(personaIndex, stageId, aspect, label)}
    >
      <span aria-hidden="true">💬 </span>
      {count}
      <span className="visually-hidden">
        {" "}
        {count === 1 ? "comment thread" : "comment threads"} on {label}
      </span>
    </button>
  );
}

/** For cells without an evidence card: the thread count, or a small button to start one. */
export function DiscussLink(props: CellRef) {
  const comments = props.ctx.comments;
  if (!comments) return null;
  if (comments.count(props.personaIndex, props.stageId, props.aspect) > 0) {
    return <CommentCount {...props} />;
  }
  return (
    <button
      type="button"
      className="ev-discuss"
      onClick={() => comments.open(props.personaIndex, props.stageId, props.aspect, props.label)}
    >
      Discuss<span className="visually-hidden"> {props.label}</span>
    </button>
  );
}
