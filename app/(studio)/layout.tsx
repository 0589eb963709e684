// Signed-in area: requires a session, shows the top bar with the user menu.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Brand } from "~/app/_components/brand";
import { LocaleProvider } from "~/app/_components/locale";
import { getViewerLocale } from "~/app/_lib/viewer-locale";
import { Providers } from "~/app/providers";
import { getSessionUser } from "~/server/features/accounts/session";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return (
    <LocaleProvider locale={await getViewerLocale()}>
      <Providers>
        <header className="topbar">
          <Brand />
          <div className="spacer" />
          <div className="user-menu">
            <span>
              Signed in as <strong>{user.name}</strong>
            </span>
            <SignOutButton />
          </div>
        </header>
        {children}
      </Providers>
    </LocaleProvider>
  );
}
