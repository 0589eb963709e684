// Group commit: concurrent callers' writes go to the database together, as ONE statement in one
// transaction, so many writes share one round trip, one plan and one WAL flush (fsync) instead
// of paying for them each. Durability is untouched: every caller hears back only after the
// statement that holds its row has committed.
//
// No timer: a batch leaves as soon as a connection slot is free (on the next turn of the event
// loop), so a lone write waits for nothing; under load, writes queue while every slot is busy
// and the next batch takes all of them (up to `maxBatch`). The batch size follows the load.
//
// Items that must not share a statement (two saves of one response, two hits on one rate-limit
// row: an upsert cannot touch one row twice) name their keys; an item whose key is already in an
// open or running batch waits for a later batch, so items with a key keep their order.
// A batch that fails as a whole is retried item by item, so one caller's bad row (or a deadlock
// with another instance) fails only that caller.

export interface GroupCommitOptions<Item, Outcome> {
  /** Writes the items in one statement; returns one outcome per item, in order. */
  run(items: Item[]): Promise<Outcome[]>;
  /** Keys no two items of one batch may share. */
  keys(item: Item): string[];
  /** Statements in flight at once (1 for PGlite's one connection; a share of a pg pool). */
  maxInFlight: number;
  maxBatch: number;
}

interface Waiting<Item, Outcome> {
  item: Item;
  keys: string[];
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export interface GroupCommit<Item, Outcome> {
  write(item: Item): Promise<Outcome>;
}

export function groupCommit<Item, Outcome>(
  options: GroupCommitOptions<Item, Outcome>,
): GroupCommit<Item, Outcome> {
  const queue: Waiting<Item, Outcome>[] = [];
  const busyKeys = new Set<string>();
  let inFlight = 0;
  let scheduled = false;

  const runAlone = async (w: Waiting<Item, Outcome>) => {
    try {
      const [outcome] = await options.run([w.item]);
      w.resolve(outcome as Outcome);
    } catch (error) {
      w.reject(error);
    }
  };

  const runBatch = async (batch: Waiting<Item, Outcome>[]) => {
    try {
      const outcomes = await options.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(outcomes[i] as Outcome));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      // One after the other: the keys are still held, so the order per key is kept.
      else for (const w of batch) await runAlone(w);
    }
  };

  const takeBatch = (): Waiting<Item, Outcome>[] => {
    const batch: Waiting<Item, Outcome>[] = [];
    for (let i = 0; i < queue.length && batch.length < options.maxBatch;) {
      const w = queue[i]!;
      if (w.keys.some((k) => busyKeys.has(k))) {
        i += 1;
        continue;
      }
      for (const k of w.keys) busyKeys.add(k);
      batch.push(w);
      queue.splice(i, 1);
    }
    return batch;
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < options.maxInFlight) {
      const batch = takeBatch();
      if (batch.length === 0) return;
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        for (const w of batch) for (const k of w.keys) busyKeys.delete(k);
        schedule();
      });
    }
  };

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    // setImmediate rather than a microtask: requests parsed in the same turn of the event loop
    // (one socket read each) join the batch.
    setImmediate(flush);
  };

  return {
    write(item) {
      return new Promise<Outcome>((resolve, reject) => {
        queue.push({ item, keys: options.keys(item), resolve, reject });
        schedule();
      });
    },
  };
}
