// The OpenAPI document: shaped as OpenAPI 3 requires (operations, responses, path parameters,
// resolvable references, known security schemes), listing exactly the routes that exist under
// app/api/v1 with exactly their methods, and with examples the validators accept; the docs
// page's model shows every operation with a curl command.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeOperations } from "~/server/http/v1/openapi-docs";
import { openApiDocument } from "~/server/http/v1/openapi";
import {
  ZApiResponsePage,
  ZApiSubmitInput,
  ZApiSurveyList,
  ZErrorBody,
  ZExportJsonBody,
  ZPublicSubmitInput,
  ZSaveResponseResult,
} from "~/server/http/v1/schemas";

type Json = Record<string, unknown>;
const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const document = JSON.parse(JSON.stringify(openApiDocument())) as Json & {
  openapi: string;
  info: Json;
  paths: Record<string, Record<string, Json>>;
  components: Json & { securitySchemes: Record<string, Json> };
};

function operations() {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => httpMethods.includes(method))
      .map(([method, operation]) => ({ route, method, operation })),
  );
}

/** Every route.ts under app/api/v1 as "METHOD /path", from its exported handler functions. */
function routesOnDisk(): string[] {
  const root = path.resolve("app/api/v1");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts",
  );
  return files.flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const exported = [
      ...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
      ...source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1] as string);
    const urlPath = `/api/v1/${path.dirname(file)}`
      .split(path.sep)
      .join("/")
      .replace(/\[([^\]]+)\]/g, "{$1}");
    return exported.map((method) => `${method} ${urlPath}`);
  });
}

function collectRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, found));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") found.push(v);
      else collectRefs(v, found);
    }
  }
  return found;
}

function exampleOf(route: string, method: string, status: string, type = "application/json") {
  const op = document.paths[route]?.[method] as Json;
  const responses = op.responses as Record<string, { content: Record<string, Json> }>;
  return responses[status]?.content[type]?.example;
}

describe("the OpenAPI document", () => {
  it("is shaped as an OpenAPI 3 document", () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof document.info.title).toBe("string");
    expect(typeof document.info.version).toBe("string");
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(8);
    const ids = ops.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);

    for (const { route, method, operation } of ops) {
      const where = `${method.toUpperCase()} ${route}`;
      expect(route, where).toMatch(/^\/api\/v1\//);
      expect(typeof operation.summary, where).toBe("string");
      const responses = operation.responses as Record<string, Json>;
      const statuses = Object.keys(responses);
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        where,
      ).toBe(true);
      for (const [status, response] of Object.entries(responses)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect(typeof response.description, `${where} ${status}`).toBe("string");
      }
      // Path parameters: each {name} is declared, required, in: path, and nothing more.
      const parameters = (operation.parameters ?? []) as Json[];
      const declared = parameters.filter((p) => p.in === "path").map((p) => p.name);
      const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(declared.sort(), where).toEqual(templated.sort());
      for (const p of parameters) {
        expect(["path", "query", "header", "cookie"], where).toContain(p.in);
        if (p.in === "path") expect(p.required, `${where} ${String(p.name)}`).toBe(true);
        expect(p.schema, `${where} ${String(p.name)}`).toBeTypeOf("object");
      }
      for (const requirement of (operation.security ?? []) as Json[]) {
        for (const scheme of Object.keys(requirement)) {
          expect(document.components.securitySchemes, where).toHaveProperty(scheme);
        }
      }
    }
    for (const ref of collectRefs(document)) {
      expect(ref).toMatch(/^#\//);
      let target: unknown = document;
      for (const part of ref.slice(2).split("/")) target = (target as Json | undefined)?.[part];
      expect(target, ref).toBeTypeOf("object");
    }
  });

  it("lists every route under app/api/v1, with exactly its methods", () => {
    const onDisk = routesOnDisk().sort();
    const documented = operations()
      .map((o) => `${o.method.toUpperCase()} ${o.route}`)
      .sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(8);
    expect(onDisk).toContain("POST /api/v1/surveys/{surveyId}/responses");
    expect(
      documented,
      "Each route.ts under app/api/v1 needs its operation in server/http/v1/openapi.ts " +
        "(API key, public) or server/http/v1/openapi-studio.ts (browser session).",
    ).toEqual(onDisk);
  });

  it("documents the schemas the handlers validate with", () => {
    const submit = document.paths["/api/v1/surveys/{surveyId}/responses"]?.post as Json;
    const body = (submit.requestBody as { content: Record<string, { schema: Json }> }).content[
      "application/json"
    ]?.schema as { properties: Json; required: string[]; additionalProperties: boolean };
    expect(Object.keys(body.properties).sort()).toEqual(Object.keys(ZApiSubmitInput.shape).sort());
    expect(body.additionalProperties).toBe(false);
    expect(body.required.sort()).toEqual(["answers", "responseId"]);
    const list = document.paths["/api/v1/surveys/{surveyId}/responses"]?.get as Json;
    const query = (list.parameters as Json[]).filter((p) => p.in === "query").map((p) => p.name);
    expect(query.sort()).toEqual(["page", "status", "version"]);
  });

  it("has examples that the validators accept", () => {
    const submit = document.paths["/api/v1/surveys/{surveyId}/responses"]?.post as Json;
    const submitExample = (submit.requestBody as { content: Record<string, Json> }).content[
      "application/json"
    ]?.example;
    expect(() => ZApiSubmitInput.parse(submitExample)).not.toThrow();
    const publicSubmit = document.paths["/api/v1/public/surveys/{slug}/responses"]?.post as Json;
    const publicExample = (publicSubmit.requestBody as { content: Record<string, Json> }).content[
      "application/json"
    ]?.example;
    expect(() => ZPublicSubmitInput.parse(publicExample)).not.toThrow();

    ZApiSurveyList.parse(exampleOf("/api/v1/surveys", "get", "200"));
    ZApiResponsePage.parse(exampleOf("/api/v1/surveys/{surveyId}/responses", "get", "200"));
    ZSaveResponseResult.parse(exampleOf("/api/v1/surveys/{surveyId}/responses", "post", "200"));
    ZExportJsonBody.parse(exampleOf("/api/v1/surveys/{surveyId}/responses/export", "get", "200"));
    ZErrorBody.parse(exampleOf("/api/v1/surveys/{surveyId}/responses", "post", "401"));
  });
});

describe("the docs page model", () => {
  it("shows every operation with parameters and a curl command", () => {
    const sections = describeOperations(openApiDocument());
    const shown = sections.flatMap((s) => s.operations);
    expect(shown.map((op) => `${op.method} ${op.path}`).sort()).toEqual(routesOnDisk().sort());
    for (const op of shown) {
      expect(op.curl).toContain(`$PERSONA_ATLAS_URL`);
      expect(op.curl).not.toMatch(/\{[a-zA-Z]+\}/);
      if (op.method !== "GET") expect(op.curl).toContain(`-X ${op.method}`);
      if (op.auth === "API key") {
        expect(op.curl).toContain('-H "Authorization: Bearer $PERSONA_ATLAS_KEY"');
      } else expect(op.curl).not.toContain("Authorization");
    }
    const submit = shown.find((op) => op.id === "submitResponse");
    expect(submit?.body?.fields.map((f) => f.name)).toEqual([
      "responseId",
      "answers",
      "complete",
      "locale",
      "responseSecret",
    ]);
    expect(submit?.body?.fields.find((f) => f.name === "responseSecret")).toMatchObject({
      required: false,
    });
    expect(submit?.body?.fields.find((f) => f.name === "locale")).toMatchObject({
      type: '"en" | "de"',
      required: false,
      defaultValue: '"en"',
    });
    // The curl body is the documented example, shell-quoted, and still valid JSON.
    const quoted = /-d '(.*)'/.exec(submit?.curl ?? "")?.[1] ?? "";
    expect(() => ZApiSubmitInput.parse(JSON.parse(quoted))).not.toThrow();
    const list = shown.find((op) => op.id === "listResponses");
    expect(list?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "path:surveyId",
      "query:version",
      "query:status",
      "query:page",
    ]);
  });

  it("describes compound conditions: a comparison or a nested and / or / not group", () => {
    const schemas = document.components.schemas as Record<string, Json>;
    const question = schemas.Question as { properties: Record<string, Json> };
    expect(JSON.stringify(question.properties.logic)).toContain("#/components/schemas/Condition");
    const condition = JSON.stringify(schemas.Condition);
    for (const group of ["and", "or", "not"]) expect(condition).toContain(`"${group}"`);
    expect(condition).toContain("#/components/schemas/Comparison");
    const comparison = schemas.Comparison as {
      properties: { operator: { enum: string[] } };
    };
    expect(comparison.properties.operator.enum).toEqual([
      "equals",
      "notEquals",
      "oneOf",
      "allOf",
      "contains",
      "greaterThan",
      "atLeast",
      "lessThan",
      "atMost",
      "notEmpty",
      "empty",
    ]);
  });
});
