// The rows of a journey map as response positions: each persona's members (by persona index, in
// input order), then every respondent. The fill works on these positions (Int32Array) rather than
// on response ids, so a million respondents cost one array per row.
import type { JourneyFillData } from "./input";
import type { RespondentIndex } from "./validate";

/** A row of the map as response positions: one persona's members, or every respondent. */
export interface IndexedRow {
  /** The persona's index, or null for all respondents. */
  personaIndex: number | null;
  /** The persona's position in data.personas (RespondentIndex.personaSlot), −1 for all. */
  slot: number;
  /** Positions in data.responses, ascending (input order). */
  members: Int32Array;
}

/** Persona rows by index, then all respondents; members of a persona in input order. */
export function indexedRows(data: JourneyFillData, respondents: RespondentIndex): IndexedRow[] {
  const { personaSlot } = respondents;
  const sizes = new Int32Array(data.personas.length);
  for (const slot of personaSlot) if (slot >= 0) sizes[slot] = (sizes[slot] ?? 0) + 1;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(data.personas.length);
  personaSlot.forEach((slot, position) => {
    if (slot < 0) return;
    const at = filled[slot] ?? 0;
    (members[slot] as Int32Array)[at] = position;
    filled[slot] = at + 1;
  });
  const bySlot = data.personas.map((p, slot) => ({ p, slot }));
  bySlot.sort((a, b) => a.p.index - b.p.index);
  const all = new Int32Array(data.responses.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return [
    ...bySlot.map(({ p, slot }) => ({
      personaIndex: p.index,
      slot,
      members: members[slot] as Int32Array,
    })),
    { personaIndex: null, slot: -1, members: all },
  ];
}
