// Which network address a request came from, for the per-client limits (sign-in, sign-up,
// public submit). X-Forwarded-For is whatever the client wrote unless a proxy we trust wrote it,
// so it counts only when the operator says proxies sit in front (TRUST_PROXY: a hop count, or
// the proxies' addresses); otherwise the socket address counts.
//
// Route handlers never see the socket under Next, so `npm start` serves through
// scripts/serve.ts, which resolves the address from the socket and stamps it on the request
// (stampClientAddress) before Next reads it, and marks the process as stamped (STAMPED_ENV).
// Run through plain `next start` instead, the app cannot tell a client's header from Next's
// own, so without TRUST_PROXY every client shares one key (UNVERIFIED_CLIENT): the limits
// still brake a flood, a forged header does not buy a fresh allowance.
import { isIP } from "node:net";
import { config, type Env } from "~/server/infra/config";

export type ProxyTrust = { hops: number } | { addresses: string[] } | null;

/** Set in the server process by scripts/serve.ts; a client cannot set it. */
export const STAMPED_ENV = "PERSONA_ATLAS_STAMPS_CLIENT_ADDRESS";
export const CLIENT_ADDRESS_HEADER = "x-persona-atlas-client";
export const UNVERIFIED_CLIENT = "unverified-client";

export function parseTrustProxy(value: string | undefined): ProxyTrust {
  const text = value?.trim().toLowerCase() ?? "";
  if (["", "false", "0", "no", "off"].includes(text)) return null;
  if (text === "true") return { hops: 1 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(",").map((a) => normaliseAddress(a.trim()));
  if (addresses.every((a) => isIP(a) !== 0)) return { addresses };
  throw new Error(
    `TRUST_PROXY must be a number of proxy hops (e.g. 1) or a comma list of proxy IP addresses; got "${value}".`,
  );
}

/** IPv4 addresses that arrive as IPv6-mapped (::ffff:1.2.3.4) are counted as plain IPv4. */
function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).slice(0, 64);
}

function forwardedChain(forwardedFor: string | undefined): string[] {
  return (forwardedFor ?? "")
    .split(",")
    .map((entry) => normaliseAddress(entry.trim()))
    .filter((entry) => entry !== "");
}

/**
 * The client's address from the socket peer and the X-Forwarded-For it sent. The chain reads
 * left to right from the farthest hop to the peer; each trusted proxy vouches for the entry it
 * appended, so we step back over trusted hops only. An unknown peer (inside a route handler
 * under plain `next start`) is presumed to be our nearest proxy, since only then is anything
 * believed at all.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trust: ProxyTrust,
): string {
  if (!trust) return peer ? normaliseAddress(peer) : UNVERIFIED_CLIENT;
  const chain = [...forwardedChain(forwardedFor), peer ? normaliseAddress(peer) : UNKNOWN_PEER];
  let index: number;
  if ("hops" in trust) {
    index = Math.max(0, chain.length - 1 - trust.hops);
  } else {
    const trusted = new Set([...trust.addresses, UNKNOWN_PEER]);
    index = chain.length - 1;
    while (index > 0 && trusted.has(chain[index] ?? "")) index -= 1;
  }
  const address = chain[index];
  return address && address !== UNKNOWN_PEER ? address : UNVERIFIED_CLIENT;
}

const UNKNOWN_PEER = "(unknown peer)";

interface IncomingLike {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string };
}

/** In scripts/serve.ts, before Next sees the request: replace whatever the client claimed. */
export function stampClientAddress(request: IncomingLike, trust: ProxyTrust): void {
  const forwarded = request.headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    request.socket.remoteAddress,
    forwardedFor,
    trust,
  );
}

interface HeaderSource {
  get(name: string): string | null;
}

/** Inside a route handler or next-auth callback. */
export function clientAddress(headers: HeaderSource, env?: Env): string {
  const { stampsClientAddress, trustProxy } = config(env);
  if (stampsClientAddress) return headers.get(CLIENT_ADDRESS_HEADER) ?? UNVERIFIED_CLIENT;
  let trust: ProxyTrust = null;
  try {
    trust = parseTrustProxy(trustProxy);
  } catch {
    // scripts/serve.ts refuses to start with an unreadable TRUST_PROXY; here, believe nobody.
  }
  return resolveClientAddress(undefined, headers.get("x-forwarded-for") ?? undefined, trust);
}
