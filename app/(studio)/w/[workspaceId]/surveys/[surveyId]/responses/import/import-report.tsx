// How a CSV import ended: cancelled or failed (nothing imported), or the report of a finished
// import with its counts, the problems of skipped rows and what skipping them changed.
"use client";
import Link from "next/link";
import type { RefObject } from "react";
import type {
  ResponseImportJobView,
  ResponseImportReport,
} from "~/server/domain/survey/response-import";
import { BiasTables } from "./bias-table";
import { describeError, ImportCounts, listedOf } from "./preview-table";

export function ImportEnded({
  idPrefix: id,
  ended,
}: {
  idPrefix: string;
  ended: ResponseImportJobView;
}) {
  return (
    <section className="panel alert error" aria-labelledby={`${id}-ended-title`}>
      <h2 id={`${id}-ended-title`}>
        {ended.status === "CANCELLED" ? "Import cancelled" : "The import failed"}
      </h2>
      <p>
        {ended.status === "CANCELLED"
          ? "Nothing from this file was imported. You can import it again when you are ready."
          : `${ended.error ?? "The import stopped."} Nothing from this file was imported.`}
      </p>
    </section>
  );
}

interface ImportReportProps {
  idPrefix: string;
  report: ResponseImportReport;
  /** Focused when the report appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  responsesHref: string;
}

export function ImportReport({
  idPrefix: id,
  report,
  headingRef,
  responsesHref,
}: ImportReportProps) {
  return (
    <section
      className={`panel alert ${report.refused ? "error" : "success"}`}
      aria-labelledby={`${id}-report-title`}
    >
      <h2 id={`${id}-report-title`} ref={headingRef} tabIndex={-1}>
        {report.refused
          ? "Nothing was imported"
          : `Imported ${report.imported} ${report.imported === 1 ? "response" : "responses"} into version ${report.versionNumber}`}
      </h2>
      <ImportCounts counts={report.counts} />
      <p>
        {report.refused
          ? `${report.counts.invalid} ${report.counts.invalid === 1 ? "row has" : "rows have"} problems, listed below. Fix the file, or choose “Skip rows with problems”.`
          : [
              report.duplicates.length > 0 &&
                `${report.duplicates.length} ${report.duplicates.length === 1 ? "row was" : "rows were"} already imported and left as they were.`,
              report.skipped.length > 0 &&
                `${report.counts.invalid} ${report.counts.invalid === 1 ? "row was" : "rows were"} skipped because of problems.`,
            ]
              .filter(Boolean)
              .join(" ")}
      </p>
      {report.skipped.length > 0 && (
        <p className="hint">
          {listedOf(
            report.skipped.reduce((sum, s) => sum + s.errors.length, 0),
            report.totals.errors,
            ["problem", "problems"],
          )}
          .
        </p>
      )}
      {report.skipped.length > 0 && (
        <ul className="row-errors">
          {report.skipped.flatMap((s) =>
            s.errors.map((e, i) => <li key={`${s.row}-${i}`}>{describeError(e)}</li>),
          )}
        </ul>
      )}
      {!report.refused && report.skipped.length > 0 && (
        <BiasTables bias={report.bias ?? []} invalid={report.counts.invalid} when="report" />
      )}
      <Link className="button secondary" href={responsesHref}>
        See the responses
      </Link>
    </section>
  );
}
