// Post-sign-in redirects stay on this site, however the path is disguised.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "~/app/_lib/safe-redirect";

/** What a browser does with a Location header value, resolved against this site. */
const browserTarget = (location: string): URL => new URL(location, "https://atlas.example/");

describe("safeCallbackPath", () => {
  it.each(["/invite/abc", "/surveys/x?tab=answers#q3", "/"])("keeps the same-site path %s", (p) => {
    expect(safeCallbackPath(p)).toBe(p);
  });

  it.each([
    "https://evil.test",
    "//evil.test",
    "/\\evil.test",
    "\\/evil.test",
    "javascript:alert(1)",
    "/\t/127.0.0.1:9999/x",
    "/\n/evil.test",
    "/\r\n/evil.test",
    "\t//evil.test",
    " //evil.test",
    "/\\\t/evil.test",
    "/.//evil.test",
    "/%2F/evil.test",
    "/%5Cevil.test",
    "/%09/evil.test",
    "%2F%2Fevil.test",
    "http:evil.test",
    "",
    undefined,
    3,
    ["/a", "/b"],
  ])("falls back for %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each([
    "/a\r\nSet-Cookie: x=1",
    "/\u3000/evil",
    "/caf\u00e9",
    "/a\u0000b",
    "/a b",
    "/a\u2028b",
  ])("answers a value a Location header can carry for %j", (value) => {
    const result = safeCallbackPath(value);
    // Header values must be visible ASCII; anything else makes Node throw (a 500).
    expect(result).toMatch(/^\/[\x21-\x7e]*$/);
    expect(result.startsWith("//")).toBe(false);
    expect(browserTarget(result).origin).toBe("https://atlas.example");
  });

  it("keeps the path the browser would have reached for a plain non-ASCII path", () => {
    expect(safeCallbackPath("/caf\u00e9")).toBe("/caf%C3%A9");
  });
});
