// Print pages: what headless Chromium turns into PDF and PNG exports. Signed-in only (the export
// route forwards the person's session), no studio navigation, white A4 landscape sheets.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSessionUser } from "~/server/auth/session";

export const dynamic = "force-dynamic";

export default async function PrintLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return <main id="main">{children}</main>;
}
