// The environment settings: a bad value stops a start with a line naming the variable, its rule
// and what was given; elsewhere a bad value reads as the default, and defaults fill the gaps.
import { describe, expect, it } from "vitest";
import { config, configProblems } from "~/server/infra/config";

describe("configProblems", () => {
  it("accepts an empty environment and well-formed values", () => {
    expect(configProblems({})).toEqual([]);
    expect(
      configProblems({
        DATABASE_URL: "postgresql://u@db:5432/atlas",
        PORT: " 8080 ",
        WORKER: "OFF",
        SEED_DEMO: "True",
        JOBS_POLL_SECONDS: "0.5",
        PERSONA_ATLAS_RENDER_QUEUE: "0",
        NEXTAUTH_URL: "https://atlas.example.org",
        TRUST_PROXY: "",
      }),
    ).toEqual([]);
  });

  it("names the variable, the rule and the value for each bad setting", () => {
    const problems = configProblems({
      PERSONA_ATLAS_RENDER_QUEUE: "abc",
      PORT: "99999",
      BCRYPT_COST: "1.5",
      WORKER: "maybe",
      WORKER_NICE: "20",
      SEED_DEMO: "yes",
      JOBS_HEARTBEAT_SECONDS: "soon",
      DATABASE_URL: "mysql://db/atlas",
      PERSONA_ATLAS_INTERNAL_URL: "localhost:3000",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "PERSONA_ATLAS_RENDER_QUEUE must be a whole number ≥ 0; got 'abc'",
        "PORT must be a whole number from 1 to 65,535; got '99999'",
        "BCRYPT_COST must be a whole number from 4 to 15; got '1.5'",
        "WORKER must be on or off; got 'maybe'",
        "WORKER_NICE must be a whole number from 0 to 19; got '20'",
        "SEED_DEMO must be true or false; got 'yes'",
        "JOBS_HEARTBEAT_SECONDS must be a number of seconds above 0; got 'soon'",
        "DATABASE_URL must be a postgresql:// address (unset it to use the embedded database); got 'mysql://db/atlas'",
        "PERSONA_ATLAS_INTERNAL_URL must be an http:// or https:// address; got 'localhost:3000'",
      ]),
    );
    expect(problems).toHaveLength(9);
  });
});

describe("config", () => {
  it("fills defaults and reads set values, trimmed", () => {
    const defaults = config({});
    expect(defaults).toMatchObject({
      port: 3000,
      bcryptCost: 11,
      workerEnabled: true,
      workerConcurrency: 1,
      workerNice: 10,
      renderQueueLength: 6,
      dataDir: ".data",
      seedDemo: undefined,
      seedDemoAnalysis: true,
    });
    const set = config({ PORT: " 8080 ", WORKER: "off", SEED_DEMO_ANALYSIS: "false" });
    expect(set).toMatchObject({ port: 8080, workerEnabled: false, seedDemoAnalysis: false });
  });

  it("reads a value that breaks its rule as the default, but keeps a wrong database address", () => {
    expect(config({ PORT: "eighty", BCRYPT_COST: "99" })).toMatchObject({
      port: 3000,
      bcryptCost: 11,
    });
    // Falling back to the embedded database would hide the mistake; target.ts refuses it instead.
    expect(config({ DATABASE_URL: " mysql://db " }).databaseUrl).toBe("mysql://db");
  });

  it("follows changes to process.env between reads", () => {
    const saved = process.env.WORKER_CONCURRENCY;
    try {
      process.env.WORKER_CONCURRENCY = "3";
      expect(config().workerConcurrency).toBe(3);
      process.env.WORKER_CONCURRENCY = "5";
      expect(config().workerConcurrency).toBe(5);
    } finally {
      if (saved === undefined) delete process.env.WORKER_CONCURRENCY;
      else process.env.WORKER_CONCURRENCY = saved;
    }
  });
});
