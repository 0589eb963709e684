// Print pages: what headless Chromium turns into PDF and PNG exports. Signed-in only (the export
// route forwards the person's session), no studio navigation, white A4 landscape sheets.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { LocaleProvider } from "~/app/_components/locale";
import { getViewerLocale } from "~/app/_lib/viewer-locale";
import { getSessionUser } from "~/server/features/accounts/session";

export const dynamic = "force-dynamic";

export default async function PrintLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return (
    <LocaleProvider locale={await getViewerLocale()}>
      <main id="main">{children}</main>
    </LocaleProvider>
  );
}
