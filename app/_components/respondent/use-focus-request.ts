// Where keyboard focus goes after the form changes under the respondent: the page heading after
// Back or Next, the first field with a message after a failed check, the outcome heading once the
// form is gone. Requested as state so the move happens after React has drawn the new page.
"use client";
import { useEffect, useRef, useState } from "react";

export type FocusRequest = { target: "heading" | "outcome" } | { target: "error"; key: string };

export function useFocusRequest() {
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focus) return;
    if (focus.target === "error") {
      const group = document.getElementById(`q-${focus.key}`);
      const input =
        group?.querySelector<HTMLElement>("input:checked") ??
        group?.querySelector<HTMLElement>("input, textarea");
      input?.focus();
      input?.scrollIntoView({ block: "center" });
    } else {
      const target = focus.target === "heading" ? headingRef.current : outcomeRef.current;
      target?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [focus]);

  return { setFocus, headingRef, outcomeRef };
}
