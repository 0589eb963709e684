// Read-only share pages for stakeholders: no sign-in, no studio navigation, not indexed.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocaleProvider } from "~/app/_components/locale";
import { getViewerLocale } from "~/app/_lib/viewer-locale";
import "~/app/(studio)/w/[workspaceId]/personas/personas.css";
import "~/app/_components/persona/persona-review.css";
import "~/app/_components/charts/charts.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Shared personas",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ShareLayout({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider locale={await getViewerLocale()}>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Persona Atlas
        </span>
      </header>
      <main id="main" className="pa-share-page">
        {children}
      </main>
    </LocaleProvider>
  );
}
