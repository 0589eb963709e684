// Trait forest plot: each trait's effect size (persona vs the others) with its approximate 95 %
// interval, on Cohen's d scale so shares, means and ranks share one axis; 0 (no difference) is
// marked. An image for assistive technology (its label says what it shows); callers put the
// same numbers in a table next to it. Its layout follows the width it gets (forest-layout.ts):
// trait labels wrap onto as many lines as they need, never cut, and the x ticks are spaced so
// their numbers never run together. Width fixed for print, measured from the page otherwise.
"use client";
import { useEffect, useRef, useState } from "react";
import {
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { FOREST_MARGIN, forestLayout, tickText } from "./forest-layout";
import { okabeIto } from "./palette";

export interface ForestPoint {
  label: string;
  value: number;
  lower: number;
  upper: number;
  distinguishing: boolean;
}

const LINE_PX = 14;

/** The width of an element, followed as it resizes (before the first measure: `fallback`). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function TraitTick({
  x,
  y,
  payload,
  lines,
}: {
  x?: number;
  y?: number;
  payload?: { value: number };
  lines: string[][];
}) {
  const row = lines[payload?.value ?? -1] ?? [];
  const first = -((row.length - 1) / 2) * LINE_PX;
  return (
    <text x={x} y={y} textAnchor="end" dominantBaseline="central">
      {row.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? first : LINE_PX}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function ForestPlot({
  points,
  label,
  width,
  rowHeight = 30,
}: {
  points: ForestPoint[];
  label: string;
  /** Fixed width in px (print); follows its container when omitted. */
  width?: number;
  rowHeight?: number;
}) {
  const measured = useWidth(width ?? 640);
  const chartWidth = width ?? measured.width;
  const extent = Math.max(0, ...points.flatMap((p) => [Math.abs(p.lower), Math.abs(p.upper)]));
  const layout = forestLayout(
    points.map((p) => p.label),
    extent,
    chartWidth,
    rowHeight,
  );
  const data = points.map((p, i) => ({
    row: i,
    name: p.label,
    value: p.value,
    err: [p.value - p.lower, p.upper - p.value],
    distinguishing: p.distinguishing,
  }));
  return (
    <div
      ref={width ? undefined : measured.ref}
      role="img"
      aria-label={label}
      className="chart-frame pa-forest"
      style={width ? { width } : undefined}
    >
      <ScatterChart
        width={chartWidth}
        height={layout.height}
        margin={FOREST_MARGIN}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e3e6ee" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="value"
          domain={[-layout.bound, layout.bound]}
          ticks={layout.ticks}
          interval={0}
          allowDataOverflow
          tickFormatter={(v: number) => tickText(v, layout.step)}
          label={{
            value: "effect size (Cohen's d scale)",
            position: "insideBottom",
            offset: -18,
          }}
        />
        <YAxis
          type="number"
          dataKey="row"
          domain={[-0.5, data.length - 0.5]}
          ticks={data.map((d) => d.row)}
          reversed
          width={layout.labelWidth}
          tick={<TraitTick lines={layout.lines} />}
          interval={0}
        />
        <ReferenceLine x={0} stroke={okabeIto.black} />
        <Tooltip
          formatter={(value) =>
            typeof value === "number" ? value.toFixed(2) : String(value ?? "")
          }
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
    </div>
  );
}
