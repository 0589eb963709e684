// The journey templates as radio cards (name, what it is for, its stages): the one picker both the
// new journey map form and the new journey survey form show.
import type { ReactNode } from "react";
import type { JourneyTemplateChoice, TJourneyTemplate } from "~/server/domain/journey-templates";

export function TemplateChoices({
  legend,
  hint,
  templates,
  value,
  onChoose,
}: {
  legend: string;
  hint?: ReactNode;
  templates: JourneyTemplateChoice[];
  value: TJourneyTemplate;
  onChoose: (key: TJourneyTemplate) => void;
}) {
  return (
    <fieldset className="choice-cards">
      <legend className="label">{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {templates.map((t) => (
        <label key={t.key} className="choice-card">
          <input
            type="radio"
            name="template"
            value={t.key}
            checked={value === t.key}
            onChange={() => onChoose(t.key)}
          />
          <span>
            <strong>{t.label}</strong>
            <span className="hint">{t.summary}</span>
            {t.stages.length > 0 && <span className="hint">Stages: {t.stages.join(" → ")}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
