// A share drawn as a bar with its 95 % interval as a whisker, for table cells. Decorative: the
// cell next to it carries the numbers in words.
import { okabeIto } from "./palette";

export function IntervalBar({
  estimate,
  lower,
  upper,
  max = 1,
}: {
  estimate: number;
  lower: number;
  upper: number;
  /** The value at the right end of the track (e.g. the largest upper bound shown). */
  max?: number;
}) {
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / max) * 100)).toFixed(2)}%`;
  return (
    <span className="interval-bar" aria-hidden="true">
      <span
        className="interval-bar-fill"
        style={{ width: pct(estimate), background: okabeIto.skyBlue }}
      />
      <span
        className="interval-bar-whisker"
        style={{ left: pct(lower), width: `calc(${pct(upper)} - ${pct(lower)})` }}
      />
    </span>
  );
}
