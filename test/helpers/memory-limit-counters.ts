// The LimitCounters contract (server/infra/limits/limit-counters.ts) over a plain map, so that the
// pure tests of the window arithmetic need no database. test/services/limit-counters.test.ts
// runs the same contract against the real table.
import type { SlotCount, WindowSpec } from "~/server/domain/limit-window";
import type { LimitCounters } from "~/server/infra/limits/limit-counters";

export function memoryLimitCounters(): LimitCounters {
  const slotsOf = new Map<string, Map<number, number>>();
  const read = (key: string, { slot, slots }: WindowSpec): SlotCount[] =>
    [...(slotsOf.get(key) ?? new Map<number, number>())]
      .filter(([s]) => s > slot - slots && s <= slot)
      .sort(([a], [b]) => a - b)
      .map(([s, count]) => ({ slot: s, count }));
  const add = (key: string, slot: number) => {
    const slots = slotsOf.get(key) ?? new Map<number, number>();
    slots.set(slot, (slots.get(slot) ?? 0) + 1);
    slotsOf.set(key, slots);
  };
  return {
    take(key, window, limit) {
      const counts = read(key, window);
      const counted = counts.reduce((sum, c) => sum + c.count, 0) < limit;
      if (counted) add(key, window.slot);
      return Promise.resolve({ counted, counts });
    },
    add(key, window) {
      add(key, window.slot);
      return Promise.resolve();
    },
    read: (key, window) => Promise.resolve(read(key, window)),
    clear(key) {
      slotsOf.delete(key);
      return Promise.resolve();
    },
  };
}
