// Beneath the map: for every stage the customer drivers, barriers and our value proposition, the
// contact strategy, the KPIs (target and current value) and the enablers; stages as columns, like
// the grid above, each with its own edit button.
"use client";
import { channelLabels } from "~/server/domain/journey";
import type { MapData } from "./map-state";
import { ItemList, StageEditButton, StageName, stageRows } from "./stage-columns";
import type { Panel } from "./stage-grid";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const withUnit = (value: number | null, unit: string) =>
  value === null ? "not set" : `${number.format(value)}${unit ? ` ${unit}` : ""}`;

export function StrategyTable({
  map,
  canEdit,
  openPanel,
}: {
  map: MapData;
  canEdit: boolean;
  openPanel: (panel: Panel) => void;
}) {
  const stages = map.stages;
  const row = stageRows(stages);
  const group = (label: string) => (
    <tr className="jm-group-row">
      <th scope="colgroup" colSpan={stages.length + 1}>
        {label}
      </th>
    </tr>
  );

  return (
    <table className="jm-grid jm-strategy">
      <caption className="visually-hidden">
        Strategy per stage: drivers, barriers, value proposition, contact strategy, KPIs and
        enablers.
      </caption>
      <thead>
        <tr>
          <td className="jm-corner" />
          {stages.map((s) => (
            <th key={s.id} scope="col" className={`jm-stage${s.isFocus ? " jm-focus" : ""}`}>
              <StageName stage={s} />
              {canEdit && (
                <span className="jm-stage-actions no-print">
                  <StageEditButton
                    label="Edit strategy"
                    forStage={`for ${s.name}`}
                    onClick={() => openPanel({ kind: "strategy", stageId: s.id })}
                  />
                </span>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {row("drivers", "Customer drivers", (s) => (
          <ItemList items={s.drivers} />
        ))}
        {row("barriers", "Barriers", (s) => (
          <ItemList items={s.barriers} />
        ))}
        {row("value", "Value proposition", (s) => (
          <ItemList items={s.valueProposition} />
        ))}
        {group("Contact strategy")}
        {row("rules", "Rules and triggers", (s) => (
          <ItemList items={s.contactStrategy.rulesAndTriggers} />
        ))}
        {row("channels", "Channels", (s) => (
          <ItemList items={s.contactStrategy.channels.map((c) => channelLabels[c])} />
        ))}
        {row("offers", "Offers and content", (s) => (
          <ItemList items={s.contactStrategy.offersAndContent} />
        ))}
        {row("case", "Business case", (s) =>
          s.contactStrategy.businessCase ? (
            <p className="jm-text">{s.contactStrategy.businessCase}</p>
          ) : (
            <span className="jm-none">Not set</span>
          ),
        )}
        {group("Measures")}
        {row("kpis", "KPIs", (s) =>
          s.kpis.length === 0 ? (
            <span className="jm-none">Not set</span>
          ) : (
            <ul className="jm-items jm-kpis">
              {s.kpis.map((k) => (
                <li key={k.id}>
                  <strong>{k.name}</strong>
                  <span>Target: {withUnit(k.target, k.unit)}</span>
                  <span>Current: {withUnit(k.currentValue, k.unit)}</span>
                </li>
              ))}
            </ul>
          ),
        )}
        {group("Enablers")}
        {row("data", "Data", (s) => (
          <ItemList items={s.enablers.data} />
        ))}
        {row("people", "People", (s) => (
          <ItemList items={s.enablers.people} />
        ))}
        {row("process", "Process", (s) => (
          <ItemList items={s.enablers.process} />
        ))}
        {row("technology", "Technology", (s) => (
          <ItemList items={s.enablers.technology} />
        ))}
      </tbody>
    </table>
  );
}
