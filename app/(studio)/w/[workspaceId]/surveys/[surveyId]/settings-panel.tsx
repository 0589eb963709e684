// Survey settings: title, description, languages and the linked journey map. Strategists see
// the same facts as text.
"use client";
import { Field } from "~/app/_components/field";
import type { TSurveyMeta } from "~/server/domain/survey/definition";
import { plural } from "~/app/_lib/format";

interface SettingsPanelProps {
  meta: TSurveyMeta;
  canEdit: boolean;
  journeys: { id: string; name: string; stages: unknown[] }[] | undefined;
  errors: Record<string, string[]>;
  onChange: (meta: TSurveyMeta) => void;
}

export function SettingsPanel({ meta, canEdit, journeys, errors, onChange }: SettingsPanelProps) {
  const german = meta.languages.includes("de");
  const journeyName = journeys?.find((j) => j.id === meta.journeyMapId)?.name;

  if (!canEdit) {
    return (
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <dl className="facts">
          <dt>Description</dt>
          <dd>{meta.description || <span className="muted">None</span>}</dd>
          {german && (
            <>
              <dt>Title in German</dt>
              <dd>{meta.titleDe || <span className="muted">Same as English</span>}</dd>
              <dt>Description in German</dt>
              <dd>{meta.descriptionDe || <span className="muted">Same as English</span>}</dd>
            </>
          )}
          <dt>Languages</dt>
          <dd>{german ? "English and German" : "English"}</dd>
          <dt>Journey map</dt>
          <dd>{meta.journeyMapId ? (journeyName ?? "Linked") : "None"}</dd>
        </dl>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <div className="form">
        <Field
          id="survey-title"
          label="Title"
          value={meta.title}
          required
          errors={errors.title}
          onChange={(e) => onChange({ ...meta, title: e.target.value })}
        />
        <div className="field">
          <label htmlFor="survey-description">Description</label>
          <textarea
            id="survey-description"
            rows={2}
            value={meta.description}
            aria-describedby="survey-description-hint"
            onChange={(e) => onChange({ ...meta, description: e.target.value })}
          />
          <span id="survey-description-hint" className="hint">
            Shown to respondents under the title.
          </span>
        </div>
        {german && (
          <>
            <Field
              id="survey-title-de"
              label="Title in German"
              lang="de"
              value={meta.titleDe}
              errors={errors.titleDe}
              hint="Shown on the German page. Left empty, German respondents see the English title."
              onChange={(e) => onChange({ ...meta, titleDe: e.target.value })}
            />
            <div className="field">
              <label htmlFor="survey-description-de">Description in German</label>
              <textarea
                id="survey-description-de"
                rows={2}
                lang="de"
                value={meta.descriptionDe}
                aria-describedby="survey-description-de-hint"
                onChange={(e) => onChange({ ...meta, descriptionDe: e.target.value })}
              />
              <span id="survey-description-de-hint" className="hint">
                Left empty, German respondents see the English description.
              </span>
            </div>
          </>
        )}
        <fieldset className="inline-fieldset">
          <legend className="label">Languages</legend>
          <label className="inline-choice">
            <input type="checkbox" checked disabled aria-describedby="languages-hint" />
            English
          </label>
          <label className="inline-choice">
            <input
              type="checkbox"
              checked={german}
              onChange={(e) =>
                onChange({ ...meta, languages: e.target.checked ? ["en", "de"] : ["en"] })
              }
            />
            German (Deutsch)
          </label>
          <span id="languages-hint" className="hint">
            English is always offered. With German, every text gets a German field; respondents see
            their browser&apos;s language.
          </span>
        </fieldset>
        <div className="field">
          <label htmlFor="survey-journey">Journey map</label>
          <select
            id="survey-journey"
            value={meta.journeyMapId ?? ""}
            aria-describedby="survey-journey-hint"
            disabled={!journeys}
            onChange={(e) => onChange({ ...meta, journeyMapId: e.target.value || null })}
          >
            <option value="">No journey map</option>
            {(journeys ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.name} ({plural(j.stages.length, "stage")})
              </option>
            ))}
          </select>
          <span id="survey-journey-hint" className="hint">
            Questions can be tied to this map&apos;s stages; the analysis fills its cells. Choosing
            another map unties questions from the old map&apos;s stages.
          </span>
          {errors.journeyMapId && (
            <span className="field-error">{errors.journeyMapId.join(" ")}</span>
          )}
        </div>
      </div>
    </section>
  );
}
