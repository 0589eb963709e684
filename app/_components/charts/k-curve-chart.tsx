// Silhouette by number of personas (k), the chosen k marked. The chart is an image for assistive
// technology (its label says what it shows); callers put the same numbers in a table next to it.
// A caption under it says when the curve is an estimate on a sample of the respondents.
"use client";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { okabeIto } from "./palette";

export interface KCurvePoint {
  k: number;
  silhouette: number | null;
  eligible: boolean;
}

export function KCurveChart({
  points,
  chosenK,
  label,
  caption,
}: {
  points: KCurvePoint[];
  chosenK: number;
  label: string;
  /** Shown under the chart, e.g. that the silhouettes were estimated on a sample. */
  caption?: string | null;
}) {
  const data = points.map((p) => ({ k: p.k, silhouette: p.silhouette, eligible: p.eligible }));
  const chosen = data.find((p) => p.k === chosenK && p.silhouette !== null);
  return (
    <>
      <div role="img" aria-label={label} className="chart-frame">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart
            data={data}
            margin={{ top: 24, right: 24, bottom: 24, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" />
            <XAxis
              dataKey="k"
              type="number"
              domain={["dataMin", "dataMax"]}
              allowDecimals={false}
              tickCount={data.length}
              label={{ value: "number of personas (k)", position: "insideBottom", offset: -12 }}
            />
            <YAxis
              domain={[(min: number) => Math.min(0, min), (max: number) => Math.max(0.1, max)]}
              tickFormatter={(v: number) => v.toFixed(2)}
              label={{ value: "silhouette", angle: -90, position: "insideLeft" }}
            />
            <Tooltip
              formatter={(value) =>
                typeof value === "number" ? value.toFixed(3) : String(value ?? "n/a")
              }
              labelFormatter={(k) => `k = ${String(k)}`}
            />
            <ReferenceLine x={chosenK} stroke={okabeIto.vermillion} strokeDasharray="4 4" />
            <Line
              type="linear"
              dataKey="silhouette"
              name="silhouette"
              stroke={okabeIto.blue}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls
              dot={{ r: 4, fill: okabeIto.blue }}
            />
            {chosen && chosen.silhouette !== null && (
              <ReferenceDot
                x={chosen.k}
                y={chosen.silhouette}
                r={9}
                fill="none"
                stroke={okabeIto.vermillion}
                strokeWidth={2}
                label={{ value: `chosen k = ${chosen.k}`, position: "top", fill: "#8f3900" }}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {caption && <p className="hint">{caption}</p>}
    </>
  );
}
