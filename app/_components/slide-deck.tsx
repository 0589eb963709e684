// What both presentation modes (personas, journey stages) share: one slide at a time with
// → / PageDown / Space for the next, ← / PageUp for the previous, Home and End, Escape to leave
// (useSlideDeck), focus on the slide region so the keys work at once, and the bar of buttons that
// does the same for mouse and touch (SlideDeckBar), and the frame around a slide that holds them
// together (SlideDeckFrame).
"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

export interface SlideDeck {
  current: number;
  count: number;
  go: (to: number) => void;
  exit: () => void;
  /** Put on the slide region (tabIndex -1): it takes focus when the deck opens. */
  region: React.RefObject<HTMLDivElement | null>;
}

export function useSlideDeck(count: number, start: number, exitHref: string): SlideDeck {
  const router = useRouter();
  const [current, setCurrent] = useState(start);
  const region = useRef<HTMLDivElement>(null);
  const go = useCallback((to: number) => setCurrent(Math.max(0, Math.min(count - 1, to))), [count]);
  const exit = useCallback(() => router.push(exitHref), [router, exitHref]);

  useEffect(() => {
    region.current?.focus();
  }, []);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const next = ["ArrowRight", "PageDown", " "].includes(event.key);
      const previous = ["ArrowLeft", "PageUp"].includes(event.key);
      if (next) go(current + 1);
      else if (previous) go(current - 1);
      else if (event.key === "Home") go(0);
      else if (event.key === "End") go(count - 1);
      else if (event.key === "Escape") exit();
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, go, exit, count]);

  return { current, count, go, exit, region };
}

export function SlideDeckBar({ deck }: { deck: SlideDeck }) {
  const { current, count, go, exit } = deck;
  return (
    <nav className="pa-present-bar" aria-label="Presentation">
      <button
        type="button"
        className="button secondary small"
        onClick={() => go(current - 1)}
        disabled={current === 0}
      >
        ← Previous
      </button>
      <span aria-hidden="true">
        {current + 1} / {count}
      </span>
      <button
        type="button"
        className="button secondary small"
        onClick={() => go(current + 1)}
        disabled={current === count - 1}
      >
        Next →
      </button>
      <button type="button" className="button small" onClick={exit}>
        Exit (Esc)
      </button>
      <span className="hint">Keys: ← → PageUp PageDown Home End Esc</span>
    </nav>
  );
}

/** The focusable presentation region around the current slide (read out when it changes) and the bar. */
export function SlideDeckFrame({
  deck,
  label,
  children,
}: {
  deck: SlideDeck;
  /** The region's name, e.g. "Personas of <survey>". */
  label: string;
  children: ReactNode;
}) {
  return (
    <div
      ref={deck.region}
      className="pa-present"
      role="region"
      aria-roledescription="presentation"
      aria-label={label}
      tabIndex={-1}
    >
      <div className="pa-present-slide" aria-live="polite">
        {children}
      </div>
      <SlideDeckBar deck={deck} />
    </div>
  );
}
