// Trait forest plot: each trait's effect size (persona vs the others) with its approximate 95 %
// interval, on Cohen's d scale so shares, means and ranks share one axis; 0 (no difference) is
// marked. An image for assistive technology (its label says what it shows); callers put the
// same numbers in a table next to it. Width fixed for print, responsive otherwise.
"use client";
import {
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { okabeIto } from "./palette";

export interface ForestPoint {
  label: string;
  value: number;
  lower: number;
  upper: number;
  distinguishing: boolean;
}

const shorten = (text: string, max = 38) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function ForestPlot({
  points,
  label,
  width,
  rowHeight = 30,
}: {
  points: ForestPoint[];
  label: string;
  /** Fixed width in px (print); responsive when omitted. */
  width?: number;
  rowHeight?: number;
}) {
  const data = points.map((p, i) => ({
    row: i,
    name: shorten(p.label),
    full: p.label,
    value: p.value,
    err: [p.value - p.lower, p.upper - p.value],
    distinguishing: p.distinguishing,
  }));
  const extent = Math.max(1, ...points.flatMap((p) => [Math.abs(p.lower), Math.abs(p.upper)]));
  const bound = Math.ceil(extent * 2) / 2;
  const step = bound <= 1.5 ? 0.5 : 1;
  // Ticks on whole multiples of the step, so 0 is always one of them.
  const first = Math.ceil(-bound / step) * step;
  const ticks = Array.from(
    { length: Math.floor((bound - first) / step + 1e-9) + 1 },
    (_, i) => Math.round((first + i * step) * 10) / 10,
  );
  const height = 48 + rowHeight * Math.max(1, data.length);
  const chart = (
    <ScatterChart
      width={width}
      height={height}
      margin={{ top: 8, right: 24, bottom: 28, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="value"
        domain={[-bound, bound]}
        ticks={ticks}
        interval={0}
        tickFormatter={(v: number) => v.toFixed(1)}
        label={{
          value: "effect size (Cohen's d scale)",
          position: "insideBottom",
          offset: -16,
        }}
      />
      <YAxis
        type="number"
        dataKey="row"
        domain={[-0.5, data.length - 0.5]}
        ticks={data.map((d) => d.row)}
        reversed
        width={Math.min(260, 40 + 6.2 * Math.max(...data.map((d) => d.name.length), 4))}
        tickFormatter={(row: number) => data[row]?.name ?? ""}
        interval={0}
      />
      <ReferenceLine x={0} stroke={okabeIto.black} />
      <Tooltip
        formatter={(value) => (typeof value === "number" ? value.toFixed(2) : String(value ?? ""))}
        labelFormatter={() => ""}
      />
      <Scatter data={data} fill={okabeIto.blue} isAnimationActive={false} name="effect">
        <ErrorBar
          dataKey="err"
          direction="x"
          width={6}
          stroke={okabeIto.black}
          strokeWidth={1.5}
          isAnimationActive={false}
        />
      </Scatter>
    </ScatterChart>
  );
  return (
    <div role="img" aria-label={label} className="chart-frame pa-forest">
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
