// A PDF or PNG download button. The file is drawn by a worker, which can take a few seconds and
// may wait behind other downloads, so the button asks for it (202 with the job's URL), polls the
// job while saying where it stands ("Preparing your PDF… (2nd in line)"), then hands the finished
// file to the browser as a normal download. A failure says why, with a Retry button. The status
// line is a polite live region, so screen readers hear the progress without losing focus.
"use client";
import { useEffect, useRef, useState } from "react";
import "./render-download.css";

/** The job as the download routes answer it (server/http/render-downloads.ts). */
interface RenderJobJson {
  status: "queued" | "running" | "done" | "failed";
  position: number | null;
  fileName: string | null;
  error: string | null;
  statusUrl: string;
  fileUrl: string | null;
}

type State =
  | { step: "idle" }
  | { step: "working"; position: number | null }
  | { step: "ready" }
  | { step: "failed"; message: string };

const POLL_MS = 1000;
const ordinals = new Intl.PluralRules("en", { type: "ordinal" });
const suffix: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
const ordinal = (n: number) => `${n}${suffix[ordinals.select(n)] ?? "th"}`;

async function readJob(response: Response): Promise<RenderJobJson> {
  const body = (await response.json().catch(() => null)) as
    (RenderJobJson & { error?: unknown }) | { error?: { message?: string } } | null;
  if (!response.ok) {
    const message =
      body && typeof body.error === "object" && body.error?.message
        ? body.error.message
        : `The server answered ${response.status}.`;
    throw new Error(message);
  }
  return body as RenderJobJson;
}

function saveFile(url: string, fileName: string | null) {
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName ?? "";
  document.body.append(link);
  link.click();
  link.remove();
}

export function RenderDownload({
  href,
  label,
  what,
  className = "button secondary small",
}: {
  /** The route that asks for the file, e.g. …/personas/0/pdf. */
  href: string;
  /** The button's text, e.g. "Download PDF". */
  label: string;
  /** The file named in the status line, e.g. "PDF". */
  what: string;
  className?: string;
}) {
  const [state, setState] = useState<State>({ step: "idle" });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function start() {
    setState({ step: "working", position: null });
    try {
      let job = await readJob(await fetch(href, { headers: { accept: "application/json" } }));
      while (alive.current && (job.status === "queued" || job.status === "running")) {
        setState({ step: "working", position: job.status === "queued" ? job.position : null });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = await readJob(await fetch(job.statusUrl, { cache: "no-store" }));
      }
      if (!alive.current) return;
      if (job.status === "failed" || !job.fileUrl) {
        setState({ step: "failed", message: job.error ?? "The file could not be prepared." });
        return;
      }
      saveFile(job.fileUrl, job.fileName);
      setState({ step: "ready" });
    } catch (error) {
      if (alive.current) setState({ step: "failed", message: (error as Error).message });
    }
  }

  const working = state.step === "working";
  const status =
    state.step === "working"
      ? `Preparing your ${what}…${state.position ? ` (${ordinal(state.position)} in line)` : ""}`
      : state.step === "ready"
        ? `Your ${what} is ready; the download has started.`
        : state.step === "failed"
          ? `Your ${what} could not be prepared: ${state.message}`
          : "";

  return (
    <span className="pa-render-download">
      <button
        type="button"
        className={className}
        // aria-disabled rather than disabled: the button keeps keyboard focus while it works.
        onClick={() => {
          if (!working) void start();
        }}
        aria-disabled={working}
        aria-busy={working}
      >
        {state.step === "failed" ? `Retry ${what}` : label}
      </button>
      <span
        role="status"
        aria-live="polite"
        className={state.step === "failed" ? "field-error" : "hint"}
      >
        {status}
      </span>
    </span>
  );
}
