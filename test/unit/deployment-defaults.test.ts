// Safe defaults: a real deployment (DATABASE_URL) gets no demo accounts with a published
// password unless asked, and the embedded try-it-out setup listens on this machine only.
import { describe, expect, it } from "vitest";
import { listenHost, shouldSeedDemo } from "~/server/db/deployment-defaults";

const pg = "postgresql://u:p@db.example.internal:5432/atlas";

describe("shouldSeedDemo", () => {
  it("seeds the demo on the embedded database unless SEED_DEMO=false", () => {
    expect(shouldSeedDemo({})).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "true" })).toBe(true);
    expect(shouldSeedDemo({ SEED_DEMO: "false" })).toBe(false);
  });
  it("seeds nothing on a PostgreSQL server unless SEED_DEMO=true", () => {
    expect(shouldSeedDemo({ DATABASE_URL: pg })).toBe(false);
    expect(shouldSeedDemo({ DATABASE_URL: pg, SEED_DEMO: "yes please" })).toBe(false);
    expect(shouldSeedDemo({ DATABASE_URL: pg, SEED_DEMO: "true" })).toBe(true);
  });
});

describe("listenHost", () => {
  it("listens on this machine only with the embedded database", () => {
    expect(listenHost({}).host).toBe("127.0.0.1");
    expect(listenHost({}).note).toMatch(/HOST=0\.0\.0\.0/);
  });
  it("honours HOST, and listens everywhere on a PostgreSQL deployment", () => {
    expect(listenHost({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(listenHost({ HOST: " ::1 " }).host).toBe("::1");
    expect(listenHost({ DATABASE_URL: pg }).host).toBeUndefined();
  });
});
