// The survey builder: holds the working copy, saves it as the draft (the full list at once),
// publishes, closes and reopens. Strategists get the same page without edit controls.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { TSurveyMeta } from "~/server/domain/survey/definition";
import type { SurveyJsPreview } from "../surveyjs-import";
import {
  CloseSurveyDialog,
  DeleteQuestionDialog,
  DeleteSurveyDialog,
  DeleteSurveyPanel,
  DraftErrorAlert,
  PublishDialog,
} from "./builder-dialogs";
import { BuilderHeader } from "./builder-header";
import {
  draftFingerprint,
  draftFromSurvey,
  toPayload,
  withImported,
  withMeta,
  type Draft,
  type JourneyData,
  type SurveyData,
} from "./builder-state";
import { BuilderToolbar } from "./builder-toolbar";
import { useAnnouncer, useLeaveWarning } from "./builder-hooks";
import { noErrors, serverErrors, validateDraft, type DraftErrors } from "./draft-errors";
import { CoveragePanel } from "./coverage-panel";
import { PublishPanel } from "./publish-panel";
import { QuestionList } from "./question-list";
import { SettingsPanel } from "./settings-panel";
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
  const [announcer, announce] = useAnnouncer();

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

  useLeaveWarning(dirty);

  function changeMeta(meta: TSurveyMeta) {
    setRefusal(null);
    const keep = journeys?.find((j) => j.id === meta.journeyMapId)?.stages.map((s) => s.id);
    const { next, untied } = withMeta(draft, meta, keep);
    setDraft(next);
    if (untied > 0) {
      const text = `${plural(untied, "question")} ${untied === 1 ? "was" : "were"} untied from the previous map's stages.`;
      announce(text);
      setNotice(text);
    }
  }

  /** The builder takes an import's questions; saving stays the researcher's decision. */
  function replaceWithImport(preview: SurveyJsPreview) {
    setRefusal(null);
    setDraft(withImported(draft, preview, `import${Date.now()}`));
    const text = `Replaced the draft's questions with ${preview.questions.length} imported questions. Review them, then save the draft.`;
    setNotice(text);
    announce(text);
  }

  const editingNumber = survey.version.publishedAt
    ? survey.version.number + 1
    : survey.version.number;
  const unpublished = dirty || !survey.version.publishedAt;

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
      <BuilderHeader
        workspaceId={workspaceId}
        surveyId={survey.id}
        savedTitle={survey.meta.title}
        draftTitle={draft.meta.title}
        canEdit={canEdit}
        journeyMapId={draft.meta.journeyMapId}
        questionCount={draft.questions.length}
        dirty={dirty}
        onReplace={replaceWithImport}
      />
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
      <DraftErrorAlert errors={errors} />
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
            <DeleteSurveyPanel
              error={remove.error ? readFailure(remove.error).message : undefined}
              onDelete={() => setConfirm("delete-survey")}
            />
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

      <PublishDialog
        open={confirm === "publish"}
        busy={busy}
        editingNumber={editingNumber}
        dirty={dirty}
        questionCount={draft.questions.length}
        onConfirm={() => void publishNow()}
        onCancel={() => setConfirm(null)}
      />
      <CloseSurveyDialog
        open={confirm === "close"}
        busy={setStatus.isPending}
        onConfirm={() => {
          setStatus.mutate({ ...input, status: "CLOSED" });
          setConfirm(null);
        }}
        onCancel={() => setConfirm(null)}
      />
      <DeleteSurveyDialog
        open={confirm === "delete-survey"}
        survey={survey}
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
      />
      <DeleteQuestionDialog
        pending={actions.pendingDelete}
        questions={draft.questions}
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancelDelete}
      />
    </div>
  );
}
