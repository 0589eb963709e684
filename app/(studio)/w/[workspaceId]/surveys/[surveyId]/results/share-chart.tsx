// Horizontal bars of shares with their 95 % intervals as whiskers, one bar per row (an option, a
// scale point, a funnel page). An image for assistive technology: its label states what it shows
// and the same numbers are in the table next to it. Every bar carries its share as text, so no
// meaning rests on colour.
"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { okabeIto } from "~/app/_components/charts/palette";
import { percent } from "./result-format";

export interface ShareBar {
  label: string;
  share: number;
  interval?: { lower: number; upper: number };
}

export function ShareChart({ bars, label }: { bars: ShareBar[]; label: string }) {
  const data = bars.map((b) => ({
    label: b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label,
    share: Number.isFinite(b.share) ? b.share : 0,
    error: b.interval
      ? [Math.max(0, b.share - b.interval.lower), Math.max(0, b.interval.upper - b.share)]
      : [0, 0],
  }));
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <div role="img" aria-label={label} className="chart-frame">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 1]} tickFormatter={percent} />
          <YAxis type="category" dataKey="label" width={170} interval={0} />
          <Bar dataKey="share" fill={okabeIto.blue} isAnimationActive={false} barSize={18}>
            <ErrorBar dataKey="error" direction="x" stroke="#1c2233" width={6} />
            <LabelList
              dataKey="share"
              position="right"
              formatter={(v: unknown) => (typeof v === "number" ? percent(v) : "")}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
