// The load generator of bench/ingest.ts: `clients` concurrent respondents, each with an address
// of its own, submitting fresh complete responses over HTTP for `seconds` to one endpoint of the
// bench server (or, for "bare", asking it to run its in-process baseline). "mixed" is the
// respondent page's real pattern: two autosaves of partial pages (with the response's secret),
// then the final submit; its latency covers all three requests. "floor" sends the public
// endpoint's very requests to a handler that only parses the body and answers 200 (nothing is
// stored): the HTTP cost every request pays before any of our code runs.
//
// The generator shares the two cores with the server, so it is kept cheap: node:http with a
// keep-alive agent (one socket per client) rather than fetch, whose streams and headers objects
// cost about as much CPU per request as the server's own work (bench/ingest-cpu.ts measures it).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { completeAnswers } from "./ingest-fixture";
import { loadResult, round, type LoadResult } from "./ingest-stats";

export type Endpoint = "api" | "public" | "mixed" | "bare" | "floor";

export interface Fixture {
  port: number;
  surveyId: string;
  slug: string;
  key: string;
}

export async function load(
  fixture: Fixture,
  endpoint: Endpoint,
  seconds: number,
  clients: number,
): Promise<LoadResult> {
  const base = `http://127.0.0.1:${fixture.port}`;
  if (endpoint === "bare") {
    const response = await fetch(`${base}/bare-loop?seconds=${seconds}&clients=${clients}`, {
      method: "POST",
    });
    return (await response.json()) as LoadResult;
  }
  const url =
    endpoint === "api"
      ? `${base}/api/v1/surveys/${fixture.surveyId}/responses`
      : endpoint === "floor"
        ? `${base}/floor`
        : `${base}/api/v1/public/surveys/${fixture.slug}/responses`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (endpoint === "api") headers.authorization = `Bearer ${fixture.key}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const { pathname } = new URL(url);
  const send = (body: string, address: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: "127.0.0.1",
          port: fixture.port,
          path: pathname,
          method: "POST",
          headers: {
            ...headers,
            "content-length": Buffer.byteLength(body),
            "x-forwarded-for": address,
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const latencies: number[] = [];
  const errorsByStatus: Record<string, number> = {};
  let ok = 0;
  let requests = 0;
  const post = async (payload: Record<string, unknown>, address: string): Promise<boolean> => {
    const body = JSON.stringify(payload);
    const t0 = performance.now();
    let status: string;
    try {
      status = String(await send(body, address));
    } catch {
      status = "network";
    }
    latencies.push(performance.now() - t0);
    requests += 1;
    if (status !== "200") errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
    return status === "200";
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      // Each client is one respondent with an address of its own, so each has its own per-client
      // limit key, as real respondents do (the bench server trusts one proxy hop).
      const address = `10.0.${client >> 8}.${client & 255}`;
      while (performance.now() < deadline) {
        const responseId = crypto.randomUUID();
        const answers = completeAnswers();
        if (endpoint === "mixed") {
          // The respondent page: page one, then pages one and two, autosaved with the secret.
          const responseSecret = randomBytes(32).toString("base64url");
          const keys = Object.keys(answers);
          const firstPage = Object.fromEntries(keys.slice(0, 5).map((k) => [k, answers[k]]));
          const twoPages = Object.fromEntries(keys.slice(0, 10).map((k) => [k, answers[k]]));
          const partial = { responseId, complete: false, locale: "en", responseSecret };
          if (!(await post({ ...partial, answers: firstPage }, address))) continue;
          if (!(await post({ ...partial, answers: twoPages }, address))) continue;
          if (await post({ ...partial, answers, complete: true }, address)) ok += 1;
        } else if (await post({ responseId, answers, complete: true, locale: "en" }, address)) {
          ok += 1;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    ...loadResult(ok, elapsedMs, latencies, errorsByStatus),
    ...(endpoint === "mixed" ? { requestsPerSecond: round(requests / (elapsedMs / 1000)) } : {}),
  };
}
