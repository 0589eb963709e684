// The PDF/PNG renderer's configuration: a missing Chromium is a typed "unavailable" error (the
// route answers 503), Chromium's sandbox is dropped only for root, and the internal URL and
// Chromium path follow the environment.
import { describe, expect, it } from "vitest";
import {
  chromiumArgs,
  chromiumPath,
  internalBaseUrl,
  renderAppPage,
  RendererUnavailableError,
  runningTemplates,
} from "~/server/infra/render/page-render";

describe("page renderer", () => {
  it("says clearly that Chromium is missing instead of crashing", async () => {
    const saved = process.env.PERSONA_ATLAS_CHROMIUM;
    process.env.PERSONA_ATLAS_CHROMIUM = "/nonexistent/chromium";
    try {
      const error = await renderAppPage({ path: "/print/x", format: "pdf", cookie: null }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RendererUnavailableError);
      expect((error as Error).message).toMatch(/needs Chromium.*\/nonexistent\/chromium/);
    } finally {
      if (saved === undefined) delete process.env.PERSONA_ATLAS_CHROMIUM;
      else process.env.PERSONA_ATLAS_CHROMIUM = saved;
    }
  });

  it("drops the sandbox only when running as root", () => {
    expect(chromiumArgs(true)).toContain("--no-sandbox");
    expect(chromiumArgs(false)).not.toContain("--no-sandbox");
  });

  it("reads the Chromium path and the internal URL from the environment", () => {
    const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;
    expect(chromiumPath(env({}))).toBe("/usr/bin/chromium");
    expect(chromiumPath(env({ PERSONA_ATLAS_CHROMIUM: " /opt/chrome " }))).toBe("/opt/chrome");
    expect(internalBaseUrl(env({ PORT: "4123" }))).toBe("http://127.0.0.1:4123");
    expect(internalBaseUrl(env({}))).toBe("http://127.0.0.1:3000");
    expect(internalBaseUrl(env({ PERSONA_ATLAS_INTERNAL_URL: "http://app:8080/" }))).toBe(
      "http://app:8080",
    );
  });

  it("puts the page's header text, escaped, and page numbers in the running templates", () => {
    const { headerTemplate, footerTemplate } = runningTemplates(
      "Car <buying> & more · run of 2 Dec 2026",
      "Persona Atlas",
    );
    expect(headerTemplate).toContain("Car &lt;buying&gt; &amp; more · run of 2 Dec 2026");
    expect(headerTemplate).not.toContain("<buying>");
    expect(footerTemplate).toContain('class="pageNumber"');
    expect(footerTemplate).toContain('class="totalPages"');
    expect(footerTemplate).toContain("Persona Atlas");
  });
});
