// Opens the collapsed "all traits" list when a card reference points into it, then scrolls there
// (browsers without auto-expanding <details> would otherwise jump to nothing visible).
"use client";
import { useEffect } from "react";

export function OpenOnHash() {
  useEffect(() => {
    function reveal() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const target = document.getElementById(id);
      const details = target?.closest("details");
      if (target && details && !details.open) {
        details.open = true;
        target.scrollIntoView({ block: "center" });
      }
    }
    reveal();
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, []);
  return null;
}
