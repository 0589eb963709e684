// Edits what lies beneath the map for one stage: customer drivers, barriers, value proposition,
// the contact strategy, the enablers and the KPIs; checked with the same schemas as the server.
"use client";
import { useState, type FormEvent } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import {
  channelLabels,
  touchpointChannels,
  ZSetStageKpisInput,
  ZUpdateStageInput,
  type TTouchpointChannel,
} from "~/server/domain/journey";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";
import { fromLines, toLines, type StageData } from "./map-state";
import { ListField, TextAreaField } from "./text-fields";
import type { MapActions } from "./use-map-actions";

interface KpiDraft {
  key: number;
  name: string;
  target: string;
  currentValue: string;
  unit: string;
}

/** An empty box is "not set"; anything else must read as a number (the schema says so if not). */
const toNumber = (text: string): number | null =>
  text.trim() === "" ? null : Number(text.trim().replace(",", "."));

export function StrategyForm({
  stage,
  actions,
  onDone,
}: {
  stage: StageData;
  actions: MapActions;
  onDone: () => void;
}) {
  const [lists, setLists] = useState({
    drivers: toLines(stage.drivers),
    barriers: toLines(stage.barriers),
    valueProposition: toLines(stage.valueProposition),
    rulesAndTriggers: toLines(stage.contactStrategy.rulesAndTriggers),
    offersAndContent: toLines(stage.contactStrategy.offersAndContent),
    data: toLines(stage.enablers.data),
    people: toLines(stage.enablers.people),
    process: toLines(stage.enablers.process),
    technology: toLines(stage.enablers.technology),
  });
  const [channels, setChannels] = useState<TTouchpointChannel[]>(stage.contactStrategy.channels);
  const [businessCase, setBusinessCase] = useState(stage.contactStrategy.businessCase);
  const [kpis, setKpis] = useState<KpiDraft[]>(
    stage.kpis.map((k, key) => ({
      key,
      name: k.name,
      target: k.target === null ? "" : String(k.target),
      currentValue: k.currentValue === null ? "" : String(k.currentValue),
      unit: k.unit,
    })),
  );
  const [nextKey, setNextKey] = useState(stage.kpis.length);
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: string) => `strategy-${stage.id}-${field}`;
  const list = (field: keyof typeof lists, label: string, errorKey: string = field) => (
    <ListField
      id={id(field)}
      label={label}
      value={lists[field]}
      onChange={(e) => setLists((l) => ({ ...l, [field]: e.target.value }))}
      errors={errors[errorKey]}
    />
  );
  const setKpi = (key: number, change: Partial<KpiDraft>) =>
    setKpis((all) => all.map((k) => (k.key === key ? { ...k, ...change } : k)));

  async function save(event: FormEvent) {
    event.preventDefault();
    const fields = ZUpdateStageInput.safeParse({
      stageId: stage.id,
      drivers: fromLines(lists.drivers),
      barriers: fromLines(lists.barriers),
      valueProposition: fromLines(lists.valueProposition),
      contactStrategy: {
        rulesAndTriggers: fromLines(lists.rulesAndTriggers),
        channels,
        offersAndContent: fromLines(lists.offersAndContent),
        businessCase,
      },
      enablers: {
        data: fromLines(lists.data),
        people: fromLines(lists.people),
        process: fromLines(lists.process),
        technology: fromLines(lists.technology),
      },
    });
    const kpiInput = ZSetStageKpisInput.safeParse({
      stageId: stage.id,
      kpis: kpis
        .filter((k) => k.name.trim() || k.target.trim() || k.currentValue.trim() || k.unit.trim())
        .map((k) => ({
          name: k.name,
          target: toNumber(k.target),
          currentValue: toNumber(k.currentValue),
          unit: k.unit,
        })),
    });
    if (!fields.success || !kpiInput.success) {
      setErrors({
        ...(fields.success ? {} : fieldErrorsOf(fields.error)),
        ...(kpiInput.success ? {} : fieldErrorsOf(kpiInput.error)),
      });
      return;
    }
    setErrors({});
    const { workspaceId } = actions;
    const ok = await actions.run(`Saved the strategy for "${stage.name}".`, async () => {
      await actions.m.updateStage.mutateAsync({ workspaceId, ...fields.data });
      await actions.m.setKpis.mutateAsync({ workspaceId, ...kpiInput.data });
    });
    if (ok) onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <FormAlert message={actions.state.failure} />
      {list("drivers", "Customer drivers")}
      {list("barriers", "Barriers")}
      {list("valueProposition", "Our value proposition")}

      <fieldset className="jm-fieldset">
        <legend>Contact strategy</legend>
        {list("rulesAndTriggers", "Contact rules and triggers", "contactStrategy.rulesAndTriggers")}
        <fieldset className="jm-checkboxes">
          <legend className="label">Channels</legend>
          {touchpointChannels.map((c) => (
            <label key={c} className="inline-choice">
              <input
                type="checkbox"
                checked={channels.includes(c)}
                onChange={(e) =>
                  setChannels((all) =>
                    e.target.checked ? [...all, c] : all.filter((x) => x !== c),
                  )
                }
              />
              {channelLabels[c]}
            </label>
          ))}
        </fieldset>
        {list("offersAndContent", "Offers and content", "contactStrategy.offersAndContent")}
        <TextAreaField
          id={id("business-case")}
          label="Business case"
          value={businessCase}
          onChange={(e) => setBusinessCase(e.target.value)}
          errors={errors["contactStrategy.businessCase"]}
        />
      </fieldset>

      <fieldset className="jm-fieldset">
        <legend>KPIs</legend>
        {kpis.length === 0 && <p className="hint">No KPIs for this stage yet.</p>}
        <ol className="jm-kpi-editor">
          {kpis.map((k, i) => (
            <li key={k.key}>
              <fieldset className="jm-kpi-row">
                <legend className="visually-hidden">KPI {i + 1}</legend>
                <div className="field">
                  <label htmlFor={id(`kpi-${k.key}-name`)}>Name</label>
                  <input
                    id={id(`kpi-${k.key}-name`)}
                    value={k.name}
                    onChange={(e) => setKpi(k.key, { name: e.target.value })}
                    aria-invalid={errors[`kpis.${i}.name`] ? true : undefined}
                  />
                </div>
                <div className="field">
                  <label htmlFor={id(`kpi-${k.key}-target`)}>Target</label>
                  <input
                    id={id(`kpi-${k.key}-target`)}
                    inputMode="decimal"
                    value={k.target}
                    onChange={(e) => setKpi(k.key, { target: e.target.value })}
                    aria-invalid={errors[`kpis.${i}.target`] ? true : undefined}
                  />
                </div>
                <div className="field">
                  <label htmlFor={id(`kpi-${k.key}-current`)}>Current</label>
                  <input
                    id={id(`kpi-${k.key}-current`)}
                    inputMode="decimal"
                    value={k.currentValue}
                    onChange={(e) => setKpi(k.key, { currentValue: e.target.value })}
                    aria-invalid={errors[`kpis.${i}.currentValue`] ? true : undefined}
                  />
                </div>
                <div className="field">
                  <label htmlFor={id(`kpi-${k.key}-unit`)}>Unit</label>
                  <input
                    id={id(`kpi-${k.key}-unit`)}
                    value={k.unit}
                    onChange={(e) => setKpi(k.key, { unit: e.target.value })}
                  />
                </div>
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setKpis((all) => all.filter((x) => x.key !== k.key))}
                >
                  Remove<span className="visually-hidden"> KPI {i + 1}</span>
                </button>
                {[`kpis.${i}.name`, `kpis.${i}.target`, `kpis.${i}.currentValue`].map(
                  (key) =>
                    errors[key] && (
                      <span key={key} className="field-error jm-kpi-error">
                        {errors[key]?.join(" ")}
                      </span>
                    ),
                )}
              </fieldset>
            </li>
          ))}
        </ol>
        {errors.kpis && <p className="field-error">{errors.kpis.join(" ")}</p>}
        <button
          type="button"
          className="button secondary small jm-add-kpi"
          onClick={() => {
            setKpis((all) => [
              ...all,
              { key: nextKey, name: "", target: "", currentValue: "", unit: "" },
            ]);
            setNextKey((n) => n + 1);
          }}
        >
          Add a KPI
        </button>
      </fieldset>

      <fieldset className="jm-fieldset">
        <legend>Enablers</legend>
        {list("data", "Data", "enablers.data")}
        {list("people", "People", "enablers.people")}
        {list("process", "Process", "enablers.process")}
        {list("technology", "Technology", "enablers.technology")}
      </fieldset>

      <div className="row jm-sticky-actions">
        <button type="submit" className="button" disabled={actions.state.busy}>
          {actions.state.busy ? "Saving…" : "Save strategy"}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
