// The review status of a persona set as a badge: the word is always shown, colour only supports it.
import { reviewStatusLabels, type TPersonaSetStatus } from "~/server/domain/review";

export function ReviewBadge({ status }: { status: TPersonaSetStatus }) {
  return (
    <span className={`badge pa-review pa-review-${status.toLowerCase().replace("_", "-")}`}>
      {reviewStatusLabels[status]}
    </span>
  );
}
