// Respondents on their first two principal components, coloured and shaped by persona (shape as
// well as colour, so the map reads without colour vision). An image for assistive technology;
// callers show the same information as a table (persona centres and counts).
"use client";
import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { okabeIto } from "./palette";

export const personaColours = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.bluishGreen,
  okabeIto.vermillion,
  okabeIto.reddishPurple,
  okabeIto.skyBlue,
  okabeIto.black,
  okabeIto.yellow,
];
export const personaShapes = [
  "circle",
  "triangle",
  "square",
  "diamond",
  "star",
  "cross",
  "wye",
] as const;

export interface MapSeries {
  index: number;
  name: string;
  points: { x: number; y: number }[];
}

export function RespondentMap({
  series,
  label,
  xLabel,
  yLabel,
}: {
  series: MapSeries[];
  label: string;
  xLabel: string;
  yLabel: string;
}) {
  return (
    <div role="img" aria-label={label} className="chart-frame pa-map">
      <ResponsiveContainer width="100%" height={380}>
        <ScatterChart
          margin={{ top: 8, right: 16, bottom: 32, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name="PC1"
            tickFormatter={(v: number) => v.toFixed(1)}
            label={{ value: xLabel, position: "insideBottom", offset: -18 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name="PC2"
            tickFormatter={(v: number) => v.toFixed(1)}
            label={{ value: yLabel, angle: -90, position: "insideLeft" }}
          />
          <Tooltip
            formatter={(value) =>
              typeof value === "number" ? value.toFixed(2) : String(value ?? "")
            }
          />
          <Legend verticalAlign="top" height={28} />
          {series.map((s) => (
            <Scatter
              key={s.index}
              name={s.name}
              data={s.points}
              fill={personaColours[s.index % personaColours.length]}
              fillOpacity={0.75}
              shape={personaShapes[s.index % personaShapes.length]}
              legendType={personaShapes[s.index % personaShapes.length]}
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
