// Which address the per-client limits count: the socket's, unless forwarding headers come from
// proxies the operator named in TRUST_PROXY. A client cannot pick its own key by sending
// X-Forwarded-For.
import { afterEach, describe, expect, it } from "vitest";
import {
  clientAddress,
  parseTrustProxy,
  resolveClientAddress,
  STAMPED_ENV,
  stampClientAddress,
  UNVERIFIED_CLIENT,
} from "~/server/infra/client-address";
import { clientIp } from "~/server/http/rate-limit";

describe("parseTrustProxy", () => {
  it.each([undefined, "", "false", "0", "no", " "])("trusts nothing for %j", (value) => {
    expect(parseTrustProxy(value)).toBeNull();
  });
  it("reads a hop count or a list of proxy addresses", () => {
    expect(parseTrustProxy("1")).toEqual({ hops: 1 });
    expect(parseTrustProxy("true")).toEqual({ hops: 1 });
    expect(parseTrustProxy("10.0.0.2, 10.0.0.3")).toEqual({ addresses: ["10.0.0.2", "10.0.0.3"] });
  });
  it("refuses a value it cannot read rather than guessing", () => {
    expect(() => parseTrustProxy("-2")).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy("proxy.local")).toThrow(/TRUST_PROXY/);
  });
});

describe("resolveClientAddress", () => {
  it("uses the socket address and ignores forwarding headers when no proxy is trusted", () => {
    expect(resolveClientAddress("198.51.100.9", "1.2.3.4", null)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", undefined, null)).toBe("198.51.100.9");
  });
  it("takes the address the nearest trusted hops saw", () => {
    // client (forged entry 6.6.6.6) -> proxy A (appends client 203.0.113.7) -> proxy B -> us
    const xff = "6.6.6.6, 203.0.113.7, 10.0.0.5";
    expect(resolveClientAddress("10.0.0.6", xff, { hops: 2 })).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.6", xff, { hops: 1 })).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.6", "203.0.113.7", { hops: 5 })).toBe("203.0.113.7");
  });
  it("walks back over listed proxies only", () => {
    const trust = { addresses: ["10.0.0.5", "10.0.0.6"] };
    expect(resolveClientAddress("10.0.0.6", "6.6.6.6, 203.0.113.7, 10.0.0.5", trust)).toBe(
      "203.0.113.7",
    );
    // A direct client that is not a listed proxy is counted by its socket, whatever it claims.
    expect(resolveClientAddress("198.51.100.9", "1.2.3.4", trust)).toBe("198.51.100.9");
  });
});

describe("clientAddress (inside route handlers)", () => {
  afterEach(() => {
    delete process.env[STAMPED_ENV];
    delete process.env.TRUST_PROXY;
  });

  it("reads the address our server stamped, not the one the client sent", () => {
    process.env[STAMPED_ENV] = "1";
    const request = {
      headers: { "x-forwarded-for": "1.2.3.4", "x-persona-atlas-client": "9.9.9.9" },
      socket: { remoteAddress: "198.51.100.9" },
    };
    stampClientAddress(request, null);
    const headers = new Headers(request.headers);
    expect(clientAddress(headers)).toBe("198.51.100.9");
    expect(clientIp(headers)).toBe("198.51.100.9");
  });

  it("does not let a changed X-Forwarded-For pick a new key without TRUST_PROXY", () => {
    const a = clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }));
    const b = clientIp(new Headers({ "x-forwarded-for": "5.6.7.8" }));
    expect(a).toBe(b);
    expect(a).toBe(UNVERIFIED_CLIENT);
  });

  it("reads forwarding headers by hop count when TRUST_PROXY says so", () => {
    process.env.TRUST_PROXY = "1";
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe(
      "203.0.113.7",
    );
  });
});
