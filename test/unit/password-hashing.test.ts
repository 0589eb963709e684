// Password hashing leaves the main thread free: while a hash is computed, the event loop that
// serves every other request stays mostly idle (bcrypt runs in a worker thread).
import { performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import {
  hashPassword,
  shutDownPasswordWorkers,
  verifyPassword,
} from "~/server/features/accounts/passwords";

afterAll(async () => shutDownPasswordWorkers());

describe("password hashing", () => {
  it("hashes and verifies bcrypt hashes, old and new alike", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
    // A hash made elsewhere (the demo seed of an older version) still verifies.
    const known = "$2b$04$XJvOxQ0AtNvk36u35zXW3eCGk3cLfFa115mKDcAGiju4BIbrwLuJm";
    expect(await verifyPassword("x", known)).toBe(true);
  });

  it("reports bcrypt's own refusal as an error without giving up the workers", async () => {
    await expect(verifyPassword(undefined as unknown as string, "$2b$04$x")).rejects.toThrow();
    // The next test shows hashing still happens off the main thread.
  });

  it("keeps the event loop free while hashing", async () => {
    process.env.BCRYPT_COST = "11";
    try {
      await hashPassword("warm up the worker");
      const before = performance.eventLoopUtilization();
      await Promise.all([hashPassword("first password"), hashPassword("second password")]);
      const used = performance.eventLoopUtilization(before);
      expect(used.utilization).toBeLessThan(0.3);
    } finally {
      delete process.env.BCRYPT_COST;
    }
  }, 30_000);
});
