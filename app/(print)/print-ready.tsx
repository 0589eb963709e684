// Tells the PDF renderer that the page has hydrated and its charts have drawn: after the first
// client render, two animation frames and a short pause (recharts lays out in a second pass) the
// body gets data-print-ready="true", which the renderer waits for.
"use client";
import { useEffect } from "react";

export function PrintReady() {
  useEffect(() => {
    let second = 0;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        pause = setTimeout(() => (document.body.dataset.printReady = "true"), 250);
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      if (pause) clearTimeout(pause);
    };
  }, []);
  return null;
}
