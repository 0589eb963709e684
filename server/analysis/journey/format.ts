// Numbers in the fill's sentences, written one way everywhere: signed valence with a real minus
// sign, whole index points, intervals as "a to b".

function minus(text: string): string {
  return text.replace(/^-/, "−");
}

/** "+0.42", "−1.20", "0.00". */
export function signed(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${text}` : minus(text);
}

export function plain(value: number, digits = 2): string {
  return minus(value.toFixed(digits));
}

export function range(
  interval: { lower: number; upper: number },
  write: (v: number) => string,
): string {
  return `${write(interval.lower)} to ${write(interval.upper)}`;
}

export function qText(q: number): string {
  return q < 0.001 ? "q < 0.001" : `q = ${q.toFixed(3)}`;
}
