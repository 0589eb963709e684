// The survey builder: holds the working copy, saves it as the draft (the full list at once),
// publishes, closes and reopens. Strategists get the same page without edit controls.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "~/app/_components/confirm-dialog";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { locales, type TSurveyMeta } from "~/server/domain/survey/definition";
import type { SurveyJsPreview } from "../surveyjs-import";
import { BuilderToolbar } from "./builder-toolbar";
import {
  dependants,
  draftFingerprint,
  draftFromSurvey,
  noErrors,
  serverErrors,
  toPayload,
  validateDraft,
  type Draft,
  type DraftErrors,
  type JourneyData,
  type SurveyData,
} from "./builder-state";
import { CoveragePanel } from "./coverage-panel";
import { PublishPanel } from "./publish-panel";
import { QuestionList } from "./question-list";
import { SettingsPanel } from "./settings-panel";
import { SurveyJsActions } from "./surveyjs-actions";
import { useQuestionActions } from "./use-question-actions";
import { plural } from "~/app/_lib/format";

interface SurveyBuilderProps {
  workspaceId: string;
  canEdit: boolean;
  initial: SurveyData;
  initialJourneys: JourneyData | undefined;
}

export function SurveyBuilder(props: SurveyBuilderProps) {
  const { workspaceId, canEdit, initial } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const input = { workspaceId, surveyId: initial.id };
  const survey = useQuery(trpc.survey.get.queryOptions(input, { initialData: initial })).data;
  const journeys = useQuery(
    trpc.journey.list.queryOptions({ workspaceId }, { initialData: props.initialJourneys }),
  ).data;

  const [draft, setDraft] = useState<Draft>(() => draftFromSurvey(initial));
  const [baseline, setBaseline] = useState(() => draftFingerprint(draftFromSurvey(initial)));
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<DraftErrors | null>(null);
  const [notice, setNotice] = useState<string>();
  const [confirm, setConfirm] = useState<null | "publish" | "close" | "delete-survey">(null);
  const announcer = useRef<HTMLParagraphElement>(null);
  const announce = (text: string) => {
    // Cleared first so that the same words twice are read twice.
    if (announcer.current) announcer.current.textContent = "";
    requestAnimationFrame(() => announcer.current && (announcer.current.textContent = text));
  };

  const dirty = useMemo(() => draftFingerprint(draft) !== baseline, [draft, baseline]);
  const liveErrors = useMemo(() => validateDraft(draft), [draft]);
  const errors = attempted && liveErrors.count > 0 ? liveErrors : (refusal ?? noErrors);

  const map = journeys?.find((j) => j.id === draft.meta.journeyMapId);
  const stages = map
    ? map.stages.map((s) => ({ id: s.id, name: s.name }))
    : draft.meta.journeyMapId === survey.meta.journeyMapId
      ? survey.stages
      : [];
  const hasJourney = draft.meta.journeyMapId !== null;
  const german = draft.meta.languages.includes("de");

  const actions = useQuestionActions({ draft, setDraft, announce, edit: () => setRefusal(null) });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.survey.get.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.survey.list.queryKey() }),
    ]);
  const save = useMutation(trpc.survey.saveDraft.mutationOptions());
  const publish = useMutation(trpc.survey.publish.mutationOptions());
  const setStatus = useMutation(trpc.survey.setStatus.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.survey.delete.mutationOptions());
  const busy = save.isPending || publish.isPending;

  /** Saves when there are changes; false when nothing could be saved. */
  async function saveNow(): Promise<boolean> {
    setNotice(undefined);
    if (!dirty) return true;
    const checked = validateDraft(draft);
    if (checked.count > 0) {
      setAttempted(true);
      actions.expandWithErrors(checked);
      announce(
        `${checked.count} ${checked.count === 1 ? "problem needs" : "problems need"} fixing.`,
      );
      return false;
    }
    const sent = draft;
    try {
      const result = await save.mutateAsync({ ...input, ...toPayload(sent) });
      setBaseline(draftFingerprint(sent));
      setAttempted(false);
      setRefusal(null);
      setNotice(`Saved as the draft of version ${result.versionNumber}.`);
      await refresh();
      return true;
    } catch (error) {
      const failure = readFailure(error);
      const mapped = serverErrors(sent, failure.message, failure.fieldErrors);
      setRefusal(mapped);
      actions.expandWithErrors(mapped);
      return false;
    }
  }

  async function publishNow() {
    if (!(await saveNow())) return setConfirm(null);
    try {
      const result = await publish.mutateAsync(input);
      setNotice(`Version ${result.versionNumber} is published. Share the public link below.`);
      await refresh();
      requestAnimationFrame(() => document.getElementById("public-link")?.focus());
    } catch (error) {
      setRefusal(serverErrors(draft, readFailure(error).message, {}));
    }
    setConfirm(null);
  }

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function changeMeta(meta: TSurveyMeta) {
    setRefusal(null);
    if (meta.journeyMapId === draft.meta.journeyMapId) return setDraft({ ...draft, meta });
    const keep = new Set(
      journeys?.find((j) => j.id === meta.journeyMapId)?.stages.map((s) => s.id),
    );
    const untied = draft.questions.filter((q) => q.stageId && !keep.has(q.stageId)).length;
    setDraft({
      meta,
      questions: draft.questions.map((q) =>
        q.stageId && !keep.has(q.stageId) ? { ...q, stageId: null } : q,
      ),
    });
    if (untied > 0) {
      announce(
        `${plural(untied, "question")} ${untied === 1 ? "was" : "were"} untied from the previous map's stages.`,
      );
      setNotice(
        `${plural(untied, "question")} ${untied === 1 ? "was" : "were"} untied from the previous map's stages.`,
      );
    }
  }

  /** The builder takes an import's questions; saving stays the researcher's decision. */
  function replaceWithImport(preview: SurveyJsPreview) {
    setRefusal(null);
    const languages = locales.filter(
      (l) => draft.meta.languages.includes(l) || preview.meta.languages.includes(l),
    );
    setDraft({
      meta: { ...draft.meta, languages },
      questions: preview.questions.map((q, i) => ({ ...q, uid: `import${Date.now()}_${i}` })),
    });
    const text = `Replaced the draft's questions with ${preview.questions.length} imported questions. Review them, then save the draft.`;
    setNotice(text);
    announce(text);
  }

  const editingNumber = survey.version.publishedAt
    ? survey.version.number + 1
    : survey.version.number;
  const unpublished = dirty || !survey.version.publishedAt;
  const pendingDelete = actions.pendingDelete;

  return (
    <div
      className="builder"
      onKeyDown={(e) => {
        // Ctrl+S / Cmd+S saves, as in every editor.
        if (canEdit && (e.ctrlKey || e.metaKey) && e.key === "s") {
          e.preventDefault();
          void saveNow();
        }
      }}
    >
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{survey.meta.title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{draft.meta.title.trim() || "Untitled survey"}</h1>
          <p>{canEdit ? "Survey builder" : "Survey (read-only)"}</p>
        </div>
        <div className="row">
          {canEdit && (
            <SurveyJsActions
              workspaceId={workspaceId}
              surveyId={survey.id}
              journeyMapId={draft.meta.journeyMapId}
              questionCount={draft.questions.length}
              dirty={dirty}
              onReplace={replaceWithImport}
            />
          )}
          <Link
            className="button secondary"
            href={`/w/${workspaceId}/surveys/${survey.id}/responses`}
          >
            Responses
          </Link>
          <Link
            className="button secondary"
            href={`/w/${workspaceId}/surveys/${survey.id}/results`}
          >
            Results
          </Link>
        </div>
      </div>
      <p ref={announcer} className="visually-hidden" role="status" aria-live="polite" />
      {canEdit ? (
        <BuilderToolbar
          dirty={dirty}
          saving={save.isPending}
          publishing={publish.isPending}
          editingNumber={editingNumber}
          unpublished={unpublished}
          hasQuestions={draft.questions.length > 0}
          onSave={() => void saveNow()}
          onPublish={() => setConfirm("publish")}
        />
      ) : (
        <p className="alert info" role="note">
          You are viewing this survey read-only: strategists review surveys, researchers and owners
          edit and publish them.
        </p>
      )}
      <FormAlert message={notice} kind="success" />
      {errors.count > 0 || errors.general.length > 0 ? (
        <div className="alert error" role="alert">
          <p>
            {errors.count > 0
              ? `Nothing was saved: ${errors.count} ${errors.count === 1 ? "problem needs" : "problems need"} fixing. They are marked below.`
              : "Nothing was saved."}
          </p>
          {errors.general.length > 0 && (
            <ul>
              {errors.general.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className="builder-grid">
        <div className="builder-main">
          <SettingsPanel
            meta={draft.meta}
            canEdit={canEdit}
            journeys={journeys}
            errors={errors.meta}
            onChange={changeMeta}
          />
          <QuestionList
            questions={draft.questions}
            canEdit={canEdit}
            german={german}
            stages={stages}
            hasJourney={hasJourney}
            expanded={actions.expanded}
            errors={errors.questions}
            {...actions.handlers}
          />
          {canEdit && (
            <section className="panel danger-zone" aria-labelledby="danger-title">
              <h2 id="danger-title">Delete survey</h2>
              <p className="muted">
                Deletes the survey, all its versions and all responses. This cannot be undone.
              </p>
              <button
                type="button"
                className="button danger"
                onClick={() => setConfirm("delete-survey")}
              >
                Delete survey…
              </button>
              <FormAlert message={remove.error ? readFailure(remove.error).message : undefined} />
            </section>
          )}
        </div>
        <aside className="builder-aside" aria-label="Publishing and coverage">
          <PublishPanel
            survey={survey}
            workspaceId={workspaceId}
            canEdit={canEdit}
            statusPending={setStatus.isPending}
            onSetStatus={(status) =>
              status === "CLOSED" ? setConfirm("close") : setStatus.mutate({ ...input, status })
            }
          />
          <FormAlert message={setStatus.error ? readFailure(setStatus.error).message : undefined} />
          <CoveragePanel stages={stages} questions={draft.questions} hasJourney={hasJourney} />
        </aside>
      </div>

      <ConfirmDialog
        open={confirm === "publish"}
        title={`Publish version ${editingNumber}?`}
        confirmLabel={busy ? "Publishing…" : dirty ? "Save and publish" : "Publish"}
        busy={busy}
        onConfirm={() => void publishNow()}
        onCancel={() => setConfirm(null)}
      >
        <p>
          Respondents will see{" "}
          {draft.questions.length === 1
            ? "this question"
            : `these ${draft.questions.length} questions`}{" "}
          at the public link. A published version never changes: edits afterwards prepare version{" "}
          {editingNumber + 1}, and responses stay with the version they answered.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "close"}
        title="Close this survey?"
        confirmLabel="Close survey"
        danger
        busy={setStatus.isPending}
        onConfirm={() => {
          setStatus.mutate({ ...input, status: "CLOSED" });
          setConfirm(null);
        }}
        onCancel={() => setConfirm(null)}
      >
        <p>The public link stops taking answers until you reopen the survey. Responses are kept.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "delete-survey"}
        title={`Delete “${survey.meta.title}”?`}
        confirmLabel={remove.isPending ? "Deleting…" : "Delete survey"}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(input, {
            onSuccess: () => {
              setBaseline(draftFingerprint(draft));
              router.push(`/w/${workspaceId}/surveys`);
              router.refresh();
            },
            onSettled: () => setConfirm(null),
          })
        }
        onCancel={() => setConfirm(null)}
      >
        <p>
          {survey.versions.length === 1
            ? "Its only version"
            : `All ${survey.versions.length} versions`}{" "}
          and{" "}
          {plural(
            survey.versions.reduce((n, v) => n + v.responseCount, 0),
            "response",
          )}{" "}
          will be deleted.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pendingDelete !== null}
        title="Delete this question?"
        confirmLabel="Delete question"
        danger
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancelDelete}
      >
        <p>
          “{pendingDelete?.text.en || pendingDelete?.key}” is removed from the draft; published
          versions keep it.
          {pendingDelete && dependants(draft.questions, pendingDelete.key).length > 0
            ? ` The display logic of ${plural(dependants(draft.questions, pendingDelete.key).length, "question")} depends on it and is removed too.`
            : ""}
        </p>
      </ConfirmDialog>
    </div>
  );
}
