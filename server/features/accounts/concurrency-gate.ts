// Runs at most a few CPU-heavy tasks (password hashes) at once, with a short queue behind them;
// past the queue, callers are refused at once instead of piling up, so a flood of sign-ins or
// sign-ups cannot make everyone else wait minutes (or run the server out of memory).
import { DomainError } from "~/server/domain/errors";

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxQueue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.maxQueue) {
        throw new DomainError(
          "RATE_LIMITED",
          "The server is busy checking passwords. Please try again in a moment.",
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
