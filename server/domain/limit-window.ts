// The arithmetic of a sliding-window limit over slotted counters (server/infra/limits/limit-counters.ts):
// which slots make up the window at a moment, and how long a full window makes a key wait.

export interface SlotCount {
  slot: number;
  count: number;
}

export interface WindowSpec {
  /** The slot holding "now". */
  slot: number;
  /** How many slots make up the window, the current one included. */
  slots: number;
  /** When the current slot's row may be swept (its end plus the window). */
  expiresAt: Date;
}

/** Slots per window: waits are exact to 1 % of the window, and a key has at most 100 rows. */
export const SLOTS_PER_WINDOW = 100;

export interface LimitRule {
  limit: number;
  windowMs: number;
}

export function windowAt(rule: LimitRule, now: number): WindowSpec {
  const slotMs = rule.windowMs / SLOTS_PER_WINDOW;
  const slot = Math.floor(now / slotMs);
  return {
    slot,
    slots: SLOTS_PER_WINDOW,
    expiresAt: new Date(Math.ceil((slot + 1) * slotMs + rule.windowMs)),
  };
}

export function total(counts: SlotCount[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}

/**
 * Milliseconds until the window holds fewer than `limit` hits (0 when it already does): the
 * oldest slots leave one by one until enough have gone.
 */
export function waitUntilBelow(counts: SlotCount[], rule: LimitRule, now: number): number {
  const slotMs = rule.windowMs / SLOTS_PER_WINDOW;
  let remaining = total(counts);
  if (remaining < rule.limit) return 0;
  const oldestFirst = [...counts].sort((a, b) => a.slot - b.slot);
  for (const { slot, count } of oldestFirst) {
    remaining -= count;
    if (remaining < rule.limit)
      return Math.max(0, Math.ceil((slot + SLOTS_PER_WINDOW) * slotMs - now));
  }
  return 0;
}
