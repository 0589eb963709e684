// Signed-in area: requires a session, shows the top bar with the user menu.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Brand } from "~/app/_components/brand";
import { Providers } from "~/app/providers";
import { getSessionUser } from "~/server/auth/session";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return (
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
  );
}
