// Badges for run status and persona stability: the word is always shown, colour only supports it.
import {
  stabilityText,
  stabilityTitle,
  statusLabels,
  type RunStatus,
  type StabilityFigures,
} from "./run-format";

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge pa-status pa-status-${status.toLowerCase()}`}>
      {statusLabels[status]}
    </span>
  );
}

/** The label, mean Jaccard ± its Monte Carlo error, and "borderline" when the label is close. */
export function StabilityBadge({ stability }: { stability: StabilityFigures }) {
  return (
    <span
      className={`badge pa-stability pa-stability-${stability.label}${stability.nearThreshold ? " pa-stability-borderline" : ""}`}
      title={stabilityTitle(stability)}
    >
      {stabilityText(stability)}
    </span>
  );
}
