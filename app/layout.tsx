// Root layout: document shell and global styles. The tRPC/react-query providers live in the
// signed-in, sign-in and invitation layouts, so the public survey page ships none of that code.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Persona Atlas", template: "%s · Persona Atlas" },
  description: "Journey-linked surveys, evidence-backed personas and living journey maps.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

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
