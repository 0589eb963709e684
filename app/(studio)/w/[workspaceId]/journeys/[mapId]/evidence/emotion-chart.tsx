// The emotion curve across the map's stages: one line per row shown (a persona, all respondents),
// its 95 % interval as a band when one row is chosen. The x axis runs 0..stages so each point sits
// at the centre of its stage column: the chart spans the grid's label column (as its y axis) and
// every stage column, so curve and grid line up. An image for assistive technology; the same
// numbers are in the emotion rows and in the table under the grid.
"use client";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { emotionWord, valence, type Column } from "./fill-data";

export interface CurveSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
  /** Per column: the mean and its interval, or null where the cell has no value. */
  points: ({ mean: number; lower: number; upper: number } | null)[];
  band: boolean;
}

const tickLabels: Record<number, string> = {
  [-2]: "very negative −2",
  [-1]: "negative −1",
  0: "neutral 0",
  1: "positive +1",
  2: "very positive +2",
};

export function EmotionChart({
  columns,
  series,
  labelWidth,
  label,
}: {
  columns: Column[];
  series: CurveSeries[];
  /** Width of the grid's label column, in pixels: the y axis takes exactly that. */
  labelWidth: number;
  label: string;
}) {
  const data = columns.map((c, i) => {
    const row: Record<string, number | [number, number] | string | null> = {
      x: i + 0.5,
      stage: c.name,
    };
    for (const s of series) {
      const p = s.points[i];
      row[s.key] = p ? p.mean : null;
      row[`${s.key}-band`] = p ? [p.lower, p.upper] : null;
    }
    return row;
  });
  const names = new Map(series.map((s) => [s.key, s.name]));
  return (
    <div role="img" aria-label={label} className="ev-chart">
      <ResponsiveContainer width="100%" height={230}>
        <ComposedChart
          data={data}
          margin={{ top: 14, right: 0, bottom: 10, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" vertical={false} />
          <XAxis type="number" dataKey="x" domain={[0, columns.length]} hide />
          <YAxis
            width={labelWidth}
            domain={[-2, 2]}
            ticks={[-2, -1, 0, 1, 2]}
            tickFormatter={(v: number) => tickLabels[v] ?? String(v)}
          />
          <ReferenceLine y={0} stroke="#8a93a8" />
          {series
            .filter((s) => s.band)
            .map((s) => (
              <Area
                key={`${s.key}-band`}
                dataKey={`${s.key}-band`}
                name={`${s.name} 95 % interval`}
                stroke="none"
                fill={s.colour}
                fillOpacity={0.18}
                isAnimationActive={false}
                connectNulls={false}
                legendType="none"
                tooltipType="none"
              />
            ))}
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeWidth={s.dashed ? 2 : 2.5}
              strokeDasharray={s.dashed ? "6 4" : undefined}
              dot={{ r: 4, fill: s.colour, strokeWidth: 0 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          <Tooltip
            labelFormatter={(_, payload) => String(payload?.[0]?.payload?.stage ?? "")}
            formatter={(value, key) =>
              typeof value === "number"
                ? [`${valence(value)} (${emotionWord(value)})`, names.get(String(key)) ?? key]
                : [String(value), String(key)]
            }
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
