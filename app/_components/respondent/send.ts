// Talking to the public endpoint from the browser: one attempt with its outcome classified
// (saved, refused with a reason, or worth retrying), retries with backoff for the final submit,
// and an autosaver for partial answers that keeps only the latest and never blocks the form.
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";

export interface SubmitPayload {
  responseId: string;
  responseSecret: string;
  answers: AnswerMap;
  complete: boolean;
  locale: TLocale;
  website?: string;
}

export type SendOutcome =
  | { kind: "saved"; status: "PARTIAL" | "COMPLETE"; alreadyComplete: boolean }
  | {
      kind: "refused";
      status: number;
      code: string;
      message: string;
      fieldErrors: Record<string, string[]>;
    }
  | { kind: "retry"; afterMs?: number };

export type Poster = (
  slug: string,
  payload: SubmitPayload,
  options?: { keepalive?: boolean },
) => Promise<SendOutcome>;

interface ErrorBody {
  error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> };
}

export const postResponse: Poster = async (slug, payload, options = {}) => {
  let response: Response;
  try {
    response = await fetch(`/api/v1/public/surveys/${encodeURIComponent(slug)}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      cache: "no-store",
      keepalive: options.keepalive,
    });
  } catch {
    return { kind: "retry" }; // offline, or the connection dropped
  }
  const body = (await response.json().catch(() => ({}))) as ErrorBody & {
    status?: "PARTIAL" | "COMPLETE";
    alreadyComplete?: boolean;
  };
  if (response.ok) {
    return {
      kind: "saved",
      status: body.status ?? (payload.complete ? "COMPLETE" : "PARTIAL"),
      alreadyComplete: body.alreadyComplete ?? false,
    };
  }
  if (response.status === 429 || response.status >= 500) {
    const seconds = Number(response.headers.get("retry-after"));
    return {
      kind: "retry",
      afterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    };
  }
  return {
    kind: "refused",
    status: response.status,
    code: body.error?.code ?? "ERROR",
    message: body.error?.message ?? "",
    fieldErrors: body.error?.fieldErrors ?? {},
  };
};

/** 1 s, 2 s, 4 s ... up to a cap, with a little jitter so many clients do not retry in step. */
export function backoffMs(attempt: number, capMs = 30_000): number {
  const base = Math.min(capMs, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.85 + Math.random() * 0.3));
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends until the server decides (saved or refused), retrying network failures, 5xx and 429.
 * The same response id makes repeats safe: a complete response is stored exactly once.
 */
export async function sendWithRetry(
  post: Poster,
  slug: string,
  payload: SubmitPayload,
  options: { attempts?: number; onRetry?: (delayMs: number) => void; sleep?: typeof wait } = {},
): Promise<Exclude<SendOutcome, { kind: "retry" }> | { kind: "unreachable" }> {
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await post(slug, payload);
    if (outcome.kind !== "retry") return outcome;
    if (attempt >= attempts) return { kind: "unreachable" };
    const delay = outcome.afterMs ?? backoffMs(attempt);
    options.onRetry?.(delay);
    await sleep(delay);
  }
}

/**
 * Saves partial answers in the background: debounced, only the latest payload, retried with
 * backoff for as long as the page is open. Refusals are reported, never thrown.
 */
export class Autosaver {
  private pending: SubmitPayload | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly post: Poster,
    private readonly slug: string,
    private readonly onRefused: (outcome: Extract<SendOutcome, { kind: "refused" }>) => void,
    private readonly debounceMs = 500,
  ) {}

  schedule(payload: SubmitPayload): void {
    if (this.stopped) return;
    this.pending = payload;
    this.failures = 0;
    this.arm(this.debounceMs);
  }

  /** Drops what is pending and waits for a save under way, so nothing lands after a submit. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** Sends what is pending now, surviving the page being closed (pagehide). */
  flushOnExit(): void {
    if (this.stopped || !this.pending) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const payload = this.pending;
    this.pending = null;
    void this.post(this.slug, payload, { keepalive: true }).catch(() => undefined);
  }

  /** Lets a stopped saver work again (after a refused submit the respondent carries on). */
  resume(): void {
    this.stopped = false;
  }

  private arm(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    if (this.inFlight || !this.pending || this.stopped) return;
    const payload = this.pending;
    this.pending = null;
    const request = this.post(this.slug, payload).catch((): SendOutcome => ({ kind: "retry" }));
    this.inFlight = request.then(() => undefined);
    const outcome = await request;
    this.inFlight = null;
    if (this.stopped) return;
    if (outcome.kind === "retry") {
      this.pending ??= payload; // a newer payload replaces the failed one
      this.failures += 1;
      this.arm(outcome.afterMs ?? backoffMs(this.failures, 60_000));
    } else {
      this.failures = 0;
      if (outcome.kind === "refused") this.onRefused(outcome);
      if (this.pending && !this.timer) this.arm(0);
    }
  }
}
