// The builder's SurveyJS buttons: "Import from SurveyJS" opens a dialog that checks a file and
// hands its questions to the builder (nothing is saved until "Save draft"); "Export SurveyJS
// JSON" downloads the saved version as a file.
"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { SurveyJsImport, type SurveyJsPreview } from "../surveyjs-import";

interface SurveyJsActionsProps {
  workspaceId: string;
  surveyId: string;
  journeyMapId: string | null;
  questionCount: number;
  dirty: boolean;
  onReplace: (preview: SurveyJsPreview) => void;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SurveyJsActions(props: SurveyJsActionsProps) {
  const { workspaceId, surveyId } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string }>();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      const opener = document.activeElement as HTMLElement | null;
      el.showModal();
      return () => opener?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  async function exportNow() {
    setMessage(undefined);
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.surveyJs.export.queryOptions({ workspaceId, surveyId }),
        staleTime: 0,
      });
      download(file.fileName, file.json);
      setMessage({
        kind: "success",
        text: props.dirty
          ? `Downloaded ${file.fileName} with the last saved draft; your unsaved changes are not in it.`
          : `Downloaded ${file.fileName}.`,
      });
    } catch (error) {
      setMessage({ kind: "error", text: readFailure(error).message });
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="interchange">
      <div className="interchange-actions">
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          Import from SurveyJS…
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={exporting}
          onClick={() => void exportNow()}
        >
          {exporting ? "Exporting…" : "Export SurveyJS JSON"}
        </button>
      </div>
      <FormAlert message={message?.text} kind={message?.kind} />
      <dialog
        ref={dialog}
        className="import-dialog"
        aria-labelledby={titleId}
        onCancel={(event) => {
          event.preventDefault();
          setOpen(false);
        }}
      >
        {open && (
          <>
            <div className="import-dialog-head">
              <h2 id={titleId}>Import from SurveyJS</h2>
            </div>
            <SurveyJsImport
              workspaceId={workspaceId}
              mode="replace"
              journeyMapId={props.journeyMapId}
              currentCount={props.questionCount}
              onCancel={() => setOpen(false)}
              onReplace={(preview) => {
                props.onReplace(preview);
                setOpen(false);
              }}
            />
          </>
        )}
      </dialog>
    </div>
  );
}
