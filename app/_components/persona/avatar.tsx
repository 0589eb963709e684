// A persona's avatar: a DiceBear "notionists-neutral" face, deterministic from the card's avatar
// seed, rendered on the server as an SVG data URI (no request to an avatar service, and no
// avatar code shipped to the browser). The neutral style claims no gender, age or skin colour
// that the data did not show. Decorative: the persona's name is always next to it.
import { createAvatar } from "@dicebear/core";
import { notionistsNeutral } from "@dicebear/collection";

const backgrounds = ["e3f1fb", "e0f3ec", "fdf1d8", "fbe3d6", "f3e6f0", "eceef3"];

const cache = new Map<string, string>();

export function avatarDataUri(seed: string): string {
  const known = cache.get(seed);
  if (known) return known;
  const uri = createAvatar(notionistsNeutral, {
    seed,
    size: 128,
    radius: 50,
    backgroundColor: backgrounds,
  }).toDataUri();
  if (cache.size > 500) cache.clear();
  cache.set(seed, uri);
  return uri;
}

export function PersonaAvatar({ seed, size = 72 }: { seed: string; size?: number }) {
  return (
    // A data URI needs no image optimisation; next/image would add nothing here.
    <img className="pa-avatar" src={avatarDataUri(seed)} alt="" width={size} height={size} />
  );
}
