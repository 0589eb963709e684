// Editing one question: texts in English and German, type and its settings, options, key,
// analysis role, journey stage, page, required, and display logic.
"use client";
import {
  questionRoleLabels,
  questionRoles,
  questionTypeLabels,
  questionTypes,
  type TQuestionRole,
  type TQuestionType,
} from "~/server/domain/survey/definition";
import { changeType, isChoice, type DraftQuestion } from "./builder-state";
import { LocalizedInput } from "./localized-input";
import { LogicEditor } from "./logic-editor";
import { MatrixEditor } from "./matrix-editor";
import { OptionsEditor } from "./options-editor";
import { PersonaPhrasingEditor } from "./persona-phrasing-editor";
import { roleExplanations, scaleSummary } from "./question-labels";

export interface QuestionEditorProps {
  question: DraftQuestion;
  earlier: DraftQuestion[];
  german: boolean;
  stages: { id: string; name: string }[];
  hasJourney: boolean;
  pages: number[];
  errors: Record<string, string[]>;
  onChange: (q: DraftQuestion) => void;
  onMoveToPage: (page: number) => void;
}

export function QuestionEditor(props: QuestionEditorProps) {
  const { question: q, german, stages, errors, onChange } = props;
  const id = `q-${q.uid}`;
  const at = (path: string) => errors[path];
  const localErrors = (path: string) => ({ en: at(`${path}.en`), de: at(`${path}.de`) });
  const settings = q.settings;
  const setSettings = (next: Partial<DraftQuestion["settings"]>) =>
    onChange({ ...q, settings: { ...settings, ...next } });
  const numberOrUndefined = (text: string) => (text.trim() === "" ? undefined : Number(text));
  const newPage = Math.max(-1, ...props.pages) + 1;

  return (
    <div className="question-editor" id={`${id}-editor`}>
      <LocalizedInput
        id={`${id}-text`}
        label="Question text"
        value={q.text}
        german={german}
        multiline
        required
        errors={localErrors("text")}
        onChange={(text) => onChange({ ...q, text })}
      />
      <LocalizedInput
        id={`${id}-help`}
        label="Help text"
        hint="Optional: shown under the question, e.g. what to think of."
        value={q.help}
        german={german}
        errors={localErrors("help")}
        onChange={(help) => onChange({ ...q, help })}
      />

      <div className="editor-grid">
        <div className="field">
          <label htmlFor={`${id}-type`}>Question type</label>
          <select
            id={`${id}-type`}
            value={q.type}
            onChange={(e) => onChange(changeType(q, e.target.value as TQuestionType))}
          >
            {questionTypes.map((t) => (
              <option key={t} value={t}>
                {questionTypeLabels[t]}
              </option>
            ))}
          </select>
          {scaleSummary(q) && <span className="hint">{scaleSummary(q)}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>Key</label>
          <input
            id={`${id}-key`}
            className="mono"
            value={q.key}
            aria-invalid={at("key") ? true : undefined}
            aria-describedby={`${id}-key-hint${at("key") ? ` ${id}-key-error` : ""}`}
            onChange={(e) => onChange({ ...q, key: e.target.value })}
          />
          <span id={`${id}-key-hint`} className="hint">
            Names the column in exports; the same key links answers across versions.
          </span>
          {at("key") && (
            <span id={`${id}-key-error`} className="field-error">
              {at("key")?.join(" ")}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Analysis role</label>
          <select
            id={`${id}-role`}
            value={q.role}
            aria-describedby={`${id}-role-hint`}
            onChange={(e) => onChange({ ...q, role: e.target.value as TQuestionRole })}
          >
            {questionRoles.map((r) => (
              <option key={r} value={r}>
                {questionRoleLabels[r]}
              </option>
            ))}
          </select>
          <span id={`${id}-role-hint`} className="hint">
            {roleExplanations[q.role]}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-stage`}>Journey stage</label>
          <select
            id={`${id}-stage`}
            value={q.stageId ?? ""}
            disabled={!props.hasJourney}
            aria-describedby={`${id}-stage-hint`}
            onChange={(e) => onChange({ ...q, stageId: e.target.value || null })}
          >
            <option value="">Not tied to a stage</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <span id={`${id}-stage-hint`} className="hint">
            {props.hasJourney
              ? "Emotion, pain and thought questions fill this stage of the journey map."
              : "Link the survey to a journey map in the settings to tie questions to stages."}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-page`}>Page</label>
          <select
            id={`${id}-page`}
            value={q.page}
            onChange={(e) => props.onMoveToPage(Number(e.target.value))}
          >
            {props.pages.map((p, i) => (
              <option key={p} value={p}>
                Page {i + 1}
              </option>
            ))}
            {newPage <= 99 && <option value={newPage}>New page at the end</option>}
          </select>
        </div>
        <div className="field checkbox-stack">
          <span className="label">Answering</span>
          <label className="inline-choice">
            <input
              type="checkbox"
              checked={q.required}
              onChange={(e) => onChange({ ...q, required: e.target.checked })}
            />
            Required
          </label>
          {isChoice(q.type) && (
            <label className="inline-choice">
              <input
                type="checkbox"
                checked={q.randomizeOptions}
                onChange={(e) => onChange({ ...q, randomizeOptions: e.target.checked })}
              />
              Randomise option order
            </label>
          )}
        </div>
      </div>

      {isChoice(q.type) && (
        <OptionsEditor
          id={`${id}-opt`}
          options={q.options}
          german={german}
          errorsAt={at}
          onChange={(options) => onChange({ ...q, options })}
        />
      )}

      {isChoice(q.type) && (
        <div className="field">
          <label htmlFor={`${id}-other`}>Ask respondents to specify</label>
          <select
            id={`${id}-other`}
            value={settings.otherTextFor ?? ""}
            aria-describedby={`${id}-other-hint`}
            onChange={(e) => setSettings({ otherTextFor: e.target.value || undefined })}
          >
            <option value="">No text box</option>
            {q.options.map((o) => (
              <option key={o.value} value={o.value}>
                When “{o.label.en || o.value}” is chosen
              </option>
            ))}
          </select>
          <p id={`${id}-other-hint`} className="hint">
            Shows a text box next to that option, as in “Other (please specify)”. The text is
            exported in its own column.
          </p>
        </div>
      )}

      {q.type === "MATRIX" && (
        <MatrixEditor
          id={`${id}-matrix`}
          matrix={settings.matrix}
          german={german}
          stages={stages}
          errorsAt={at}
          onChange={(matrix) => setSettings({ matrix })}
        />
      )}
      {q.type === "LIKERT" && (
        <fieldset className="inline-fieldset">
          <legend className="label">Scale points</legend>
          {([5, 7] as const).map((points) => (
            <label key={points} className="inline-choice">
              <input
                type="radio"
                name={`${id}-points`}
                checked={(settings.points ?? 5) === points}
                onChange={() => setSettings({ points })}
              />
              {points} points
            </label>
          ))}
        </fieldset>
      )}
      {(q.type === "LIKERT" || q.type === "RATING" || q.type === "MATRIX") && (
        <>
          {q.type === "RATING" && (
            <label className="inline-choice">
              <input
                type="checkbox"
                checked={settings.nps ?? false}
                onChange={(e) => setSettings({ nps: e.target.checked || undefined })}
              />
              Net Promoter Score question (0 = not at all likely, 10 = extremely likely)
            </label>
          )}
          <LocalizedInput
            id={`${id}-min-label`}
            label="Label of the lowest point"
            value={settings.minLabel}
            german={german}
            errors={localErrors("settings.minLabel")}
            onChange={(minLabel) => setSettings({ minLabel })}
          />
          <LocalizedInput
            id={`${id}-max-label`}
            label="Label of the highest point"
            value={settings.maxLabel}
            german={german}
            errors={localErrors("settings.maxLabel")}
            onChange={(maxLabel) => setSettings({ maxLabel })}
          />
        </>
      )}
      {q.type === "NUMBER" && (
        <div className="editor-grid">
          {(["min", "max"] as const).map((bound) => (
            <div className="field" key={bound}>
              <label htmlFor={`${id}-${bound}`}>{bound === "min" ? "Minimum" : "Maximum"}</label>
              <input
                id={`${id}-${bound}`}
                type="number"
                inputMode="decimal"
                value={settings[bound] ?? ""}
                onChange={(e) => setSettings({ [bound]: numberOrUndefined(e.target.value) })}
              />
            </div>
          ))}
          {at("settings") && <p className="field-error">{at("settings")?.join(" ")}</p>}
        </div>
      )}

      <PersonaPhrasingEditor
        id={`${id}-persona`}
        question={q}
        onChange={(persona) => onChange({ ...q, persona })}
      />

      <LogicEditor
        id={`${id}-logic`}
        logic={q.logic}
        earlier={props.earlier}
        errors={at("logic") ?? at("logic.value")}
        onChange={(logic) => onChange({ ...q, logic })}
      />
    </div>
  );
}
