// The CSV response import, step by step: 1. choose the file, the version and the words that
// mean "no answer", 2. check the proposed column mapping and recode free-typed choices,
// 3. preview (the first rows, the problems and what skipping rows would change), 4. import,
// all-or-nothing by default or skipping rows with problems, as a job on the server (progress and
// cancel in import-progress.tsx), and read the report. Step 4 is import-step.tsx, the report
// import-report.tsx.
"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useRef, useState, type ChangeEvent } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import {
  ZImportOptions,
  type ResponseImportJobView,
  type ResponseImportPreview,
  type ResponseImportReport,
  type TImportMapping,
  type TImportMode,
  type TImportOptions,
} from "~/server/domain/survey/response-import";
import { ImportOptionsFields } from "./import-options";
import { ImportProgress } from "./import-progress";
import { ImportEnded, ImportReport } from "./import-report";
import { ImportStep } from "./import-step";
import { MappingTable } from "./mapping-table";
import { PreviewTable } from "./preview-table";
import { RecodeTables } from "./recode-table";

interface ImportViewProps {
  workspaceId: string;
  surveyId: string;
  /** Published version numbers, newest first. */
  versions: number[];
  maxBytes: number;
}

export function ImportView({ workspaceId, surveyId, versions, maxBytes }: ImportViewProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [version, setVersion] = useState(versions[0] ?? 1);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [preview, setPreview] = useState<ResponseImportPreview | null>(null);
  const [mapping, setMapping] = useState<TImportMapping | null>(null);
  const [options, setOptions] = useState<TImportOptions>(() => ZImportOptions.parse({}));
  const [previewed, setPreviewed] = useState("");
  const [mode, setMode] = useState<TImportMode>("all-or-nothing");
  const [report, setReport] = useState<ResponseImportReport | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [ended, setEnded] = useState<ResponseImportJobView | null>(null);
  const previewCall = useMutation(trpc.responseImport.preview.mutationOptions());
  const importCall = useMutation(trpc.responseImport.start.mutationOptions());
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  const mappingChanged = mapping !== null && JSON.stringify({ mapping, options }) !== previewed;
  const base = `/w/${workspaceId}/surveys/${surveyId}/responses`;

  function forgetImport() {
    setReport(null);
    setImportId(null);
    setEnded(null);
    importCall.reset();
  }

  const importEnded = useCallback(
    (view: ResponseImportJobView) => {
      setImportId(null);
      setEnded(view);
      if (view.status !== "SUCCEEDED" || !view.report) return;
      setReport(view.report);
      if (view.report.imported > 0) {
        void queryClient.invalidateQueries({ queryKey: trpc.response.list.queryKey() });
      }
      requestAnimationFrame(() => reportHeading.current?.focus());
    },
    [queryClient, trpc],
  );

  async function runPreview(text: string, versionNumber: number, next?: TImportMapping) {
    forgetImport();
    try {
      const result = await previewCall.mutateAsync({
        workspaceId,
        surveyId,
        csv: text,
        versionNumber,
        mapping: next,
        options,
      });
      setPreview(result);
      setMapping(result.mapping);
      setPreviewed(JSON.stringify({ mapping: result.mapping, options: result.options }));
      requestAnimationFrame(() => previewHeading.current?.focus());
    } catch {
      setPreview(null);
    }
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFileError(undefined);
    setPreview(null);
    setMapping(null);
    forgetImport();
    if (!chosen) return setFile(null);
    if (chosen.size > maxBytes) {
      setFile(null);
      return setFileError(
        `“${chosen.name}” is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; files can be at most ${maxBytes / 1024 / 1024} MB. Split it into smaller files and import them one after another.`,
      );
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    await runPreview(text, version);
  }

  async function importNow() {
    if (!file || !mapping) return;
    forgetImport();
    try {
      const started = await importCall.mutateAsync({
        workspaceId,
        surveyId,
        csv: file.text,
        versionNumber: version,
        mapping,
        mode,
        options,
      });
      setImportId(started.importId);
    } catch {
      // Shown below from importCall.error.
    }
  }

  const failure = previewCall.error ?? importCall.error;

  return (
    <div className="import-steps">
      <section className="panel form" aria-labelledby={`${id}-file-title`}>
        <h2 id={`${id}-file-title`}>1. Choose the file</h2>
        <p className="hint">
          A CSV with a header row, one row per response. A file exported from this page’s Export CSV
          is recognised as it is; other files are matched by column names and question texts, and
          you can change the mapping. At most {maxBytes / 1024 / 1024} MB.
        </p>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-csv`}>CSV file</label>
            <input
              id={`${id}-csv`}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? `${id}-csv-error` : undefined}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => void chooseFile(e)}
            />
            {fileError && (
              <span id={`${id}-csv-error`} className="field-error">
                {fileError}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-version`}>Import into</label>
            <select
              id={`${id}-version`}
              value={version}
              onChange={(e) => {
                const next = Number(e.target.value);
                setVersion(next);
                if (file) void runPreview(file.text, next);
              }}
            >
              {versions.map((v, i) => (
                <option key={v} value={v}>
                  Version {v}
                  {i === 0 ? " (latest)" : ""}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ImportOptionsFields idPrefix={id} value={options} onChange={setOptions} />
        {previewCall.isPending && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Reading {file?.name ?? "the file"}…
          </p>
        )}
      </section>

      <FormAlert message={failure ? readFailure(failure).message : undefined} />

      {preview && mapping && (
        <section className="panel form" aria-labelledby={`${id}-map-title`}>
          <h2 id={`${id}-map-title`}>2. Match columns to questions</h2>
          <p className="hint">
            {preview.headers.length} columns in “{file?.name}”.
            {preview.unusedColumns.length > 0 &&
              ` Not imported: ${preview.unusedColumns.map((c) => `“${c}”`).join(", ")}.`}
          </p>
          <MappingTable
            headers={preview.headers}
            questions={preview.questions}
            mapping={mapping}
            onChange={setMapping}
          />
          <h3>Recode answers typed in other words</h3>
          <p className="hint">
            Say which option each value stands for. Suggestions for other spellings and
            abbreviations are filled in and marked; change them if they are wrong. Nothing is stored
            until you import.
          </p>
          <RecodeTables
            recoding={preview.recoding}
            questions={preview.questions}
            mapping={mapping}
            onChange={setMapping}
          />
          <div className="row">
            <button
              type="button"
              className="button secondary"
              disabled={!mappingChanged || previewCall.isPending}
              onClick={() => file && void runPreview(file.text, version, mapping)}
            >
              {previewCall.isPending ? "Updating…" : "Update the preview"}
            </button>
            {mappingChanged && (
              <span className="hint">
                The mapping or the reading rules changed since the preview.
              </span>
            )}
          </div>
        </section>
      )}

      {preview && (
        <section className="panel form" aria-labelledby={`${id}-preview-title`}>
          <h2 id={`${id}-preview-title`} ref={previewHeading} tabIndex={-1}>
            3. Preview
          </h2>
          <PreviewTable preview={preview} />
        </section>
      )}

      {preview && (
        <ImportStep
          idPrefix={id}
          mode={mode}
          onModeChange={setMode}
          ready={preview.counts.ready}
          importing={importCall.isPending || importId !== null}
          disabled={previewCall.isPending || mappingChanged}
          mappingChanged={mappingChanged}
          onImport={() => void importNow()}
        />
      )}

      {importId && (
        <ImportProgress workspaceId={workspaceId} importId={importId} onEnded={importEnded} />
      )}

      {ended && ended.status !== "SUCCEEDED" && <ImportEnded idPrefix={id} ended={ended} />}

      {report && (
        <ImportReport
          idPrefix={id}
          report={report}
          headingRef={reportHeading}
          responsesHref={base}
        />
      )}
    </div>
  );
}
