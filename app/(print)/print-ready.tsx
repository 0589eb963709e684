// Tells the PDF renderer that the page has hydrated and its charts have drawn: after the first
// client render, two animation frames and a short pause (recharts lays out in a second pass) the
// body gets data-print-ready="true", which the renderer waits for. With fitToSheet, the element
// marked data-fit-sheet is first scaled down, if need be, to fit one sheet (the window is as
// tall as the sheet), so a card never spills onto a second, nearly empty page.
"use client";
import { useEffect } from "react";

/** Scale to fit within the window's height; returns the zoom used (1 when it already fits). */
function fitOneSheet(): number {
  const element = document.querySelector<HTMLElement>("[data-fit-sheet]");
  if (!element) return 1;
  element.style.zoom = "1";
  // A few pixels of slack: Chromium's print layout rounds differently from the screen's.
  const limit = window.innerHeight - 6;
  const height = element.getBoundingClientRect().height;
  const zoom = height > limit ? Math.floor((limit / height) * 1000) / 1000 : 1;
  element.style.zoom = String(zoom);
  return zoom;
}

export function PrintReady({ fitToSheet = false }: { fitToSheet?: boolean }) {
  useEffect(() => {
    let second = 0;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        pause = setTimeout(() => {
          if (fitToSheet) document.body.dataset.printZoom = String(fitOneSheet());
          document.body.dataset.printReady = "true";
        }, 250);
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      if (pause) clearTimeout(pause);
    };
  }, [fitToSheet]);
  return null;
}
