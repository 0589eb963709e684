// Publishing: the public link once a version is published, open or closed, and every version
// with its responses. Publishing itself sits in the builder's toolbar.
"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { CopyField } from "~/app/_components/copy-field";
import type { SurveyData } from "./builder-state";
import { LocalDate } from "~/app/_components/locale";

interface PublishPanelProps {
  survey: SurveyData;
  workspaceId: string;
  canEdit: boolean;
  statusPending: boolean;
  onSetStatus: (status: "OPEN" | "CLOSED") => void;
}

export function PublishPanel(props: PublishPanelProps) {
  const { survey, workspaceId, canEdit } = props;
  const [origin, setOrigin] = useState("");
  // The origin is only known in the browser; the server renders the path alone.
  useEffect(() => setOrigin(window.location.origin), []);
  const published = survey.versions.filter((v) => v.publishedAt);
  const latest = published[0];
  const responsesHref = `/w/${workspaceId}/surveys/${survey.id}/responses`;
  const open = survey.status === "OPEN";

  return (
    <section className="panel" aria-labelledby="publish-title">
      <h2 id="publish-title">Publishing</h2>
      {latest ? (
        <>
          <p>
            <span className={`badge ${open ? "badge-ok" : "badge-muted"}`}>
              {open ? "Open" : "Closed"}
            </span>{" "}
            Version {latest.number} is live
            {latest.publishedAt && (
              <>
                {" "}
                since <LocalDate value={latest.publishedAt} />
              </>
            )}
            .
          </p>
          <CopyField
            id="public-link"
            label="Public link"
            value={`${origin}/s/${survey.slug}`}
            hint={
              open
                ? "Share this link with respondents; no sign-in needed."
                : "Closed: the link explains that the survey no longer takes answers."
            }
          />
          {canEdit && (
            <div className="row publish-status">
              <button
                type="button"
                className={open ? "button danger small" : "button secondary small"}
                disabled={props.statusPending}
                onClick={() => props.onSetStatus(open ? "CLOSED" : "OPEN")}
              >
                {open ? "Close survey" : "Reopen survey"}
              </button>
            </div>
          )}
          <p className="hint">
            Published versions never change. Editing now prepares the next version as a draft;
            existing responses stay with the version they answered.
          </p>
        </>
      ) : (
        <p className="muted">
          Not published yet. Publishing freezes the questions as version 1 and gives the survey its
          public link.
        </p>
      )}

      <h3 className="versions-title">Versions</h3>
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Responses</th>
          </tr>
        </thead>
        <tbody>
          {survey.versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">v{v.number}</th>
              <td>
                {v.publishedAt ? (
                  <>
                    Published <LocalDate value={v.publishedAt} />
                  </>
                ) : (
                  <span className="badge badge-warn">Draft</span>
                )}
              </td>
              <td>
                {v.responseCount > 0 ? (
                  <Link href={`${responsesHref}?version=${v.number}`}>
                    {v.responseCount}
                    <span className="visually-hidden"> responses to version {v.number}</span>
                  </Link>
                ) : (
                  v.responseCount
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
