// An invitation link: says what it offers; signed-in visitors accept it, others sign up or in.
import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "~/app/_components/brand";
import { Providers } from "~/app/providers";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { getSessionUser } from "~/server/features/accounts/session";
import { roleDescriptions, roleLabels } from "~/server/domain/workspace";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const preview = await attempt(() => api.invitation.preview({ token }));
  const user = await getSessionUser();
  const here = `/invite/${encodeURIComponent(token)}`;

  return (
    <Providers>
      <main id="main" className="auth-page">
        <div className="auth-card">
          <Brand />
          {!preview.ok ? (
            <>
              <h1>Invitation unavailable</h1>
              <p>{preview.message}</p>
              <Link className="button secondary" href="/">
                Go to Persona Atlas
              </Link>
            </>
          ) : (
            <>
              <h1>Join {preview.value.workspaceName}</h1>
              <p>
                {preview.value.invitedBy} invited you as a{" "}
                <strong>{roleLabels[preview.value.role].toLowerCase()}</strong>.{" "}
                {roleDescriptions[preview.value.role]}
              </p>
              {user ? (
                <AcceptInvitation token={token} userName={user.name} />
              ) : (
                <div className="form">
                  <Link className="button" href={`/signup?callbackUrl=${encodeURIComponent(here)}`}>
                    Create an account to join
                  </Link>
                  <Link
                    className="button secondary"
                    href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
                  >
                    I already have an account
                  </Link>
                </div>
              )}
            </>
          )}
        </div>
      </main>
    </Providers>
  );
}
