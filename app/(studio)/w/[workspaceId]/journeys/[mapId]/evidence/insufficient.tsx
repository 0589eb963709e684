// A cell without enough evidence: says so, with its n and why, and shows no value at all.
export function Insufficient({ n, reason }: { n: number; reason: string }) {
  return (
    <span className="ev-insufficient" title={reason}>
      insufficient evidence (n = {n})<span className="visually-hidden">: {reason}</span>
    </span>
  );
}
