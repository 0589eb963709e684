// Badges for run status and persona stability: the word is always shown, colour only supports it.
import { statusLabels, stabilityText, type RunStatus } from "./run-format";

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge pa-status pa-status-${status.toLowerCase()}`}>
      {statusLabels[status]}
    </span>
  );
}

export function StabilityBadge({
  label,
  jaccard,
  rounds,
}: {
  label: "stable" | "uncertain" | "unstable";
  jaccard: number | null;
  rounds?: number;
}) {
  return (
    <span
      className={`badge pa-stability pa-stability-${label}`}
      title={
        rounds === undefined ? undefined : `Mean Jaccard similarity over ${rounds} bootstrap rounds`
      }
    >
      {stabilityText(label, jaccard)}
    </span>
  );
}
