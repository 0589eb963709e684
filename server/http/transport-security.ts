// HTTPS-only protections, applied by scripts/serve.ts when a request arrived over HTTPS: either
// on a TLS socket, or through a proxy the operator trusts (TRUST_PROXY) that says so in
// X-Forwarded-Proto. Then the response carries Strict-Transport-Security and every cookie is
// marked Secure, so a browser never sends the session over plain HTTP. A client's own
// X-Forwarded-Proto counts for nothing without TRUST_PROXY.
import type { ProxyTrust } from "../infra/client-address";

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

interface IncomingLike {
  headers: Record<string, string | string[] | undefined>;
  socket: object;
}

export function arrivedOverHttps(request: IncomingLike, trust: ProxyTrust): boolean {
  if ("encrypted" in request.socket && request.socket.encrypted === true) return true;
  if (!trust) return false;
  const header = request.headers["x-forwarded-proto"];
  const value = Array.isArray(header) ? header[0] : header;
  // A chain of proxies may list one scheme per hop; the first is the client's own connection.
  return value?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** Adds the Secure attribute to each Set-Cookie value that lacks it. */
export function secureCookie(value: string): string {
  return /;\s*secure\s*(;|$)/i.test(value) ? value : `${value}; Secure`;
}

type HeaderValue = number | string | readonly string[];

function secureSetCookie(name: string, value: HeaderValue): HeaderValue {
  if (name.toLowerCase() !== "set-cookie") return value;
  if (typeof value === "string") return secureCookie(value);
  if (Array.isArray(value)) return value.map((v: string) => secureCookie(v));
  return value;
}

interface OutgoingLike {
  setHeader(name: string, value: HeaderValue): unknown;
  appendHeader?(name: string, value: string | readonly string[]): unknown;
}

/** Before Next writes anything: HSTS now, and Secure on every cookie Next sets later. */
export function applyHttpsProtections(response: OutgoingLike): void {
  response.setHeader("strict-transport-security", HSTS_VALUE);
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) => setHeader(name, secureSetCookie(name, value));
  const appendHeader = response.appendHeader?.bind(response);
  if (appendHeader) {
    response.appendHeader = (name, value) =>
      appendHeader(name, secureSetCookie(name, value) as string | readonly string[]);
  }
}
