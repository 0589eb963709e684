// The top of the survey builder: the breadcrumb, the survey's title and whether it can be
// edited, the SurveyJS import and export for editors, and links to responses and results.
"use client";
import Link from "next/link";
import type { SurveyJsPreview } from "../surveyjs-import";
import { SurveyJsActions } from "./surveyjs-actions";

interface BuilderHeaderProps {
  workspaceId: string;
  surveyId: string;
  /** The saved title, for the breadcrumb. */
  savedTitle: string;
  /** The title being edited, for the heading. */
  draftTitle: string;
  canEdit: boolean;
  journeyMapId: string | null;
  questionCount: number;
  dirty: boolean;
  onReplace: (preview: SurveyJsPreview) => void;
}

export function BuilderHeader(props: BuilderHeaderProps) {
  const { workspaceId, surveyId, canEdit } = props;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{props.savedTitle}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{props.draftTitle.trim() || "Untitled survey"}</h1>
          <p>{canEdit ? "Survey builder" : "Survey (read-only)"}</p>
        </div>
        <div className="row">
          {canEdit && (
            <SurveyJsActions
              workspaceId={workspaceId}
              surveyId={surveyId}
              journeyMapId={props.journeyMapId}
              questionCount={props.questionCount}
              dirty={props.dirty}
              onReplace={props.onReplace}
            />
          )}
          <Link
            className="button secondary"
            href={`/w/${workspaceId}/surveys/${surveyId}/responses`}
          >
            Responses
          </Link>
          <Link className="button secondary" href={`/w/${workspaceId}/surveys/${surveyId}/results`}>
            Results
          </Link>
        </div>
      </div>
    </>
  );
}
