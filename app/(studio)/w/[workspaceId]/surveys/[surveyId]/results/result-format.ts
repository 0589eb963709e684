// How the results page writes shares and intervals: whole percentages with a thin space, as
// "42 %" and "31–50 %".
export const percent = (share: number) =>
  Number.isFinite(share) ? `${Math.round(share * 100)} %` : "–";
export const range = (i: { lower: number; upper: number }) =>
  `${Math.round(i.lower * 100)}–${Math.round(i.upper * 100)} %`;
