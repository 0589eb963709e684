// HSTS and Secure cookies follow how the request arrived: a TLS socket, or a trusted proxy's
// X-Forwarded-Proto; a client's own header counts for nothing without TRUST_PROXY. The CSP
// carries the request's nonce for scripts and never 'unsafe-inline' for them.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "~/server/http/content-security";
import {
  applyHttpsProtections,
  arrivedOverHttps,
  HSTS_VALUE,
  secureCookie,
} from "~/server/http/transport-security";

const request = (headers: Record<string, string>, encrypted?: boolean) => ({
  headers,
  socket: encrypted === undefined ? {} : { encrypted },
});

describe("transport security", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const claimed = request({ "x-forwarded-proto": "https" });
    expect(arrivedOverHttps(claimed, null)).toBe(false);
    expect(arrivedOverHttps(claimed, { hops: 1 })).toBe(true);
    expect(arrivedOverHttps(claimed, { addresses: ["10.0.0.5"] })).toBe(true);
    expect(arrivedOverHttps(request({ "x-forwarded-proto": "http" }), { hops: 1 })).toBe(false);
    expect(arrivedOverHttps(request({ "x-forwarded-proto": "HTTPS, http" }), { hops: 2 })).toBe(
      true,
    );
    expect(arrivedOverHttps(request({}, true), null)).toBe(true);
    expect(arrivedOverHttps(request({}, false), null)).toBe(false);
  });

  it("marks every cookie Secure and sends HSTS once HTTPS is known", () => {
    const headers = new Map<string, unknown>();
    const response = {
      setHeader(name: string, value: unknown) {
        headers.set(name.toLowerCase(), value);
      },
      appendHeader(name: string, value: string | readonly string[]) {
        const before = (headers.get(name.toLowerCase()) as string[] | undefined) ?? [];
        headers.set(name.toLowerCase(), [...before, ...(Array.isArray(value) ? value : [value])]);
      },
    };
    applyHttpsProtections(response);
    expect(headers.get("strict-transport-security")).toBe(HSTS_VALUE);
    response.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Secure; Path=/"]);
    expect(headers.get("set-cookie")).toEqual([
      "a=1; Path=/; HttpOnly; Secure",
      "b=2; Secure; Path=/",
    ]);
    response.appendHeader("Set-Cookie", "c=3");
    expect(headers.get("set-cookie")).toContain("c=3; Secure");
    response.setHeader("content-type", "text/html");
    expect(headers.get("content-type")).toBe("text/html");
    expect(secureCookie("x=1; secure")).toBe("x=1; secure");
  });

  it("allows scripts only from this origin or with the request's nonce", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const scriptSrc = contentSecurityPolicy(nonce, false)
      .split("; ")
      .find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(contentSecurityPolicy(nonce, false)).toContain("frame-ancestors 'none'");
  });
});
