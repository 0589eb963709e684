// Layout of the signed-out pages: a centred card.
import type { ReactNode } from "react";
import { Brand } from "~/app/_components/brand";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <Brand />
        {children}
      </div>
    </main>
  );
}
