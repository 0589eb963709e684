// Layout of the signed-out pages: a centred card.
import type { ReactNode } from "react";
import { Brand } from "~/app/_components/brand";
import { Providers } from "~/app/providers";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <main id="main" className="auth-page">
        <div className="auth-card">
          <Brand />
          {children}
        </div>
      </main>
    </Providers>
  );
}
