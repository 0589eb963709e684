// The Content-Security-Policy, built per request around a fresh nonce (proxy.ts): scripts run
// only from this origin or inline with that request's nonce, which Next puts on its own inline
// bootstrap scripts while rendering (so every page is rendered per request, see app/layout.tsx).
// An injected <script> has no nonce and does not run. Styles stay 'unsafe-inline': charts and
// layout set inline styles, and a style cannot run code.

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
