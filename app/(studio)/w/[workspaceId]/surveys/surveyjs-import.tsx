// Importing a SurveyJS survey: paste or choose the JSON, check it (the server maps it and lists
// what it cannot carry over, with reasons), then create a new draft survey from it, or hand the
// questions to the builder to replace the draft's. Used by the new-survey page and the builder.
"use client";
import { describeCondition } from "~/server/domain/survey/conditions";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { RouterOutputs } from "~/server/api/root";
import { questionTypeLabels } from "~/server/domain/survey/definition";
import { maxSurveyJsBytes } from "~/server/domain/survey/surveyjs/limits";
import "./imports.css";

export type SurveyJsPreview = RouterOutputs["surveyJs"]["preview"];

interface SurveyJsImportProps {
  workspaceId: string;
  /** "create": a new draft survey; "replace": the builder takes the questions. */
  mode: "create" | "replace";
  /** Create: the maps questions can be tied to. */
  journeys?: { id: string; name: string }[];
  /** Replace: the draft's map (its stages are matched by id, then by name). */
  journeyMapId?: string | null;
  /** Replace: how many questions the draft has now, for the warning. */
  currentCount?: number;
  onReplace?: (preview: SurveyJsPreview) => void;
  onCancel?: () => void;
}

const fromFile = "__file__";

export function SurveyJsImport(props: SurveyJsImportProps) {
  const { workspaceId, mode } = props;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string>();
  const [mapChoice, setMapChoice] = useState<string>(fromFile);
  const preview = useMutation(trpc.surveyJs.preview.mutationOptions());
  const create = useMutation(trpc.surveyJs.import.mutationOptions());
  const result = preview.data;

  const journeyMapId =
    mode === "replace"
      ? (props.journeyMapId ?? null)
      : mapChoice === fromFile
        ? undefined
        : mapChoice || null;

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(undefined);
    preview.reset();
    if (!file) return;
    if (file.size > maxSurveyJsBytes) {
      setFileError(`“${file.name}” is larger than 1 MB; it cannot be imported.`);
      return;
    }
    setText(await file.text());
  }

  function check() {
    setFileError(undefined);
    if (text.trim().length < 2) return setFileError("Paste or choose a SurveyJS JSON file first.");
    preview.mutate({ workspaceId, json: text, journeyMapId });
  }

  async function createSurvey() {
    const created = await create.mutateAsync({ workspaceId, json: text, journeyMapId });
    router.push(`/w/${workspaceId}/surveys/${created.id}`);
  }

  const pages = result ? new Set(result.questions.map((q) => q.page)).size : 0;
  const failure = preview.error ?? create.error;

  return (
    <div className="surveyjs-import form">
      <p className="hint">
        In SurveyJS Creator, open the “JSON Editor” tab and copy everything, or save the survey JSON
        as a file. Pages, choice, rating, yes/no, text and comment questions, required flags, help
        texts, random choice order, simple display conditions and English and German texts are
        imported; anything else is listed below with the reason.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>SurveyJS file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void chooseFile(e)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-json`}>Or paste the JSON</label>
        <textarea
          id={`${id}-json`}
          rows={8}
          className="mono"
          value={text}
          spellCheck={false}
          aria-describedby={fileError ? `${id}-error` : undefined}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            preview.reset();
          }}
        />
        {fileError && (
          <span id={`${id}-error`} className="field-error">
            {fileError}
          </span>
        )}
      </div>
      {mode === "create" && (
        <div className="field">
          <label htmlFor={`${id}-map`}>Journey map</label>
          <span className="hint" id={`${id}-map-hint`}>
            Questions exported from Persona Atlas find their stages in this map by name.
          </span>
          <select
            id={`${id}-map`}
            aria-describedby={`${id}-map-hint`}
            value={mapChoice}
            onChange={(e) => {
              setMapChoice(e.target.value);
              preview.reset();
            }}
          >
            <option value={fromFile}>The map named in the file, if it is in this workspace</option>
            <option value="">No journey map</option>
            {props.journeys?.map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormAlert message={failure ? readFailure(failure).message : undefined} />
      <div className="row">
        <button
          type="button"
          className={result ? "button secondary" : "button"}
          disabled={preview.isPending}
          onClick={check}
        >
          {preview.isPending ? "Checking…" : result ? "Check again" : "Check the file"}
        </button>
        {props.onCancel && (
          <button type="button" className="button secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>

      {result && (
        <section className="import-result" aria-labelledby={`${id}-result`}>
          <h3 id={`${id}-result`} tabIndex={-1}>
            {result.questions.length === 0
              ? "Nothing in this file maps to a question"
              : `${result.questions.length} ${result.questions.length === 1 ? "question" : "questions"} on ${pages} ${pages === 1 ? "page" : "pages"} will be imported`}
          </h3>
          <p className="muted">
            “{result.meta.title}” ·{" "}
            {result.meta.languages.includes("de") ? "English and German" : "English"}
            {result.journeyMap ? ` · stages of “${result.journeyMap.name}”` : " · no journey map"}
          </p>
          {result.questions.length > 0 && (
            <div
              className="table-scroll"
              role="region"
              aria-label="Questions that will be imported"
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">Questions that will be imported</caption>
                <thead>
                  <tr>
                    <th scope="col">Page</th>
                    <th scope="col">Question</th>
                    <th scope="col">Type</th>
                    <th scope="col">Shown</th>
                  </tr>
                </thead>
                <tbody>
                  {result.questions.map((q) => (
                    <tr key={q.key}>
                      <td>{q.page + 1}</td>
                      <td>
                        {q.text.en}
                        {q.required && <span className="muted"> (required)</span>}
                        <br />
                        <code className="muted">{q.key}</code>
                      </td>
                      <td>{questionTypeLabels[q.type]}</td>
                      <td>
                        {q.logic
                          ? `when ${describeCondition(q.logic, result.questions)}`
                          : "always"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>
            {result.unmapped.length === 0
              ? "Nothing was left out"
              : `Left out or changed (${result.unmapped.length})`}
          </h3>
          {result.unmapped.length > 0 && (
            <ul className="unmapped-list">
              {result.unmapped.map((u, i) => (
                <li key={`${u.path}-${i}`}>
                  <strong>{u.what}</strong>: {u.why}
                  {u.path && (
                    <>
                      {" "}
                      <code className="muted">{u.path}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {result.questions.length > 0 && mode === "create" && (
            <div className="row">
              <button
                type="button"
                className="button"
                disabled={create.isPending}
                onClick={() => void createSurvey().catch(() => undefined)}
              >
                {create.isPending ? "Creating survey…" : "Create draft survey"}
              </button>
            </div>
          )}
          {result.questions.length > 0 && mode === "replace" && (
            <>
              <p className="alert info" role="note">
                This replaces the {props.currentCount ?? 0} questions in the builder with these{" "}
                {result.questions.length}. Nothing is saved until you press “Save draft”; published
                versions never change.
              </p>
              <div className="row">
                <button type="button" className="button" onClick={() => props.onReplace?.(result)}>
                  Replace the draft’s questions
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
