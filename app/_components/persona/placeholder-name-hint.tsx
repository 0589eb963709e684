// The small note under a persona's drafted name: the name is a neutral placeholder, not a finding,
// until a strategist renames the persona (then the hint disappears).
export function PlaceholderNameHint({ href }: { href?: string }) {
  const text = "Placeholder name — rename it";
  return <p className="pa-placeholder-name">{href ? <a href={href}>{text}</a> : text}</p>;
}
