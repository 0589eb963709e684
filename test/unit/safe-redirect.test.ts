// Post-sign-in redirects stay on this site.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "~/app/_lib/safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/invite/abc")).toBe("/invite/abc");
  });
  it.each([
    "https://evil.test",
    "//evil.test",
    "/\\evil.test",
    "javascript:alert(1)",
    undefined,
    3,
  ])("falls back for %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
