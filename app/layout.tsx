// Root layout: document shell and global styles. The tRPC/react-query providers live in the
// signed-in, sign-in and invitation layouts, so the public survey page ships none of that code.
// Rendered per request, for the CSP nonce.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Persona Atlas", template: "%s · Persona Atlas" },
  description: "Journey-linked surveys, evidence-backed personas and living journey maps.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page carries a per-request CSP nonce (proxy.ts) that Next stamps on its inline scripts
// while rendering; a page rendered once at build time would have none, and its scripts would be
// blocked.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
