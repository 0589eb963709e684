// Reads the generated OpenAPI document into what the docs page (/docs/api) shows: operations by
// tag with their parameters, body fields, responses, examples and a curl command each. Built
// from the document, not from the schemas, so the page can never say more than the document.
import type { openApiDocument } from "./openapi";

type Json = Record<string, unknown>;
type OpenApiDocument = ReturnType<typeof openApiDocument>;

export interface DocField {
  name: string;
  type: string;
  required: boolean;
  description: string;
  defaultValue?: string;
}

export interface DocParameter extends DocField {
  in: string;
}

export interface DocResponse {
  status: string;
  description: string;
  contentTypes: string[];
  example?: string;
}

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  auth: "API key" | "Session cookie" | "None";
  parameters: DocParameter[];
  body?: { contentType: string; fields: DocField[]; example?: string };
  responses: DocResponse[];
  curl: string;
}

export interface DocSection {
  tag: string;
  description: string;
  operations: DocOperation[];
}

const methods = ["get", "post", "put", "patch", "delete"] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a local `#/components/...` reference; anything else is returned as it is. */
function resolve(document: OpenApiDocument, value: unknown): Json {
  if (!isObject(value)) return {};
  const ref = value.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return value;
  let target: unknown = document;
  for (const part of ref.slice(2).split("/")) target = isObject(target) ? target[part] : undefined;
  return resolve(document, target);
}

/** A short, readable type: `string (uuid)`, `"en" | "de"`, `integer`, `Question[]`, … */
export function typeLabel(document: OpenApiDocument, raw: unknown): string {
  if (!isObject(raw)) return "any";
  if (typeof raw.$ref === "string") return raw.$ref.split("/").pop() ?? "object";
  const schema = raw;
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(union)) {
    return [...new Set(union.map((s) => typeLabel(document, s)))].join(" | ");
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array") return `${typeLabel(document, schema.items)}[]`;
  if (type === "object" && isObject(schema.additionalProperties)) {
    return `object of ${typeLabel(document, schema.additionalProperties)}`;
  }
  if (typeof type !== "string") return "any";
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

function fieldsOf(document: OpenApiDocument, raw: unknown): DocField[] {
  const schema = resolve(document, raw);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, value]) => {
    const property = resolve(document, value);
    return {
      name,
      type: typeLabel(document, value),
      required: required.has(name),
      description: typeof property.description === "string" ? property.description : "",
      ...("default" in property ? { defaultValue: JSON.stringify(property.default) } : {}),
    };
  });
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function exampleOfParameter(parameter: Json): string | undefined {
  const schema = isObject(parameter.schema) ? parameter.schema : {};
  const example = parameter.example ?? schema.example;
  return example === undefined ? undefined : String(example);
}

function curlFor(
  method: string,
  path: string,
  auth: DocOperation["auth"],
  parameters: Json[],
  body: DocOperation["body"],
  downloads: boolean,
): string {
  let url = path;
  for (const p of parameters.filter((p) => p.in === "path")) {
    const name = String(p.name);
    url = url.replace(`{${name}}`, exampleOfParameter(p) ?? `<${name}>`);
  }
  const lines = [`curl${method === "GET" ? "" : ` -X ${method}`} "$PERSONA_ATLAS_URL${url}"`];
  if (auth === "API key") lines.push(`-H "Authorization: Bearer $PERSONA_ATLAS_KEY"`);
  if (auth === "Session cookie")
    lines.push(`--cookie "next-auth.session-token=<your session cookie>"`);
  if (body) {
    lines.push(`-H "Content-Type: ${body.contentType}"`);
    lines.push(`-d ${shellQuote(body.example ? JSON.stringify(JSON.parse(body.example)) : "{}")}`);
  }
  if (downloads) lines.push("-o responses.csv");
  return lines.join(" \\\n  ");
}

const pretty = (value: unknown): string | undefined =>
  value === undefined
    ? undefined
    : typeof value === "string"
      ? value
      : JSON.stringify(value, null, 2);

export function describeOperations(document: OpenApiDocument): DocSection[] {
  const operations: DocOperation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolve(document, rawItem);
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const security = (operation.security ?? document.security ?? []) as Json[];
      const schemes = security.flatMap((s) => Object.keys(s));
      const auth: DocOperation["auth"] = schemes.includes("apiKey")
        ? "API key"
        : schemes.includes("session")
          ? "Session cookie"
          : "None";
      const parameters = ((operation.parameters ?? []) as unknown[]).map((p) =>
        resolve(document, p),
      );
      const requestBody = resolve(document, operation.requestBody);
      const content = isObject(requestBody.content) ? requestBody.content : {};
      const [contentType, media] = Object.entries(content)[0] ?? [];
      const body =
        contentType && isObject(media)
          ? {
              contentType,
              fields: fieldsOf(document, media.schema),
              example: pretty(media.example),
            }
          : undefined;
      const responses = Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      ).map(([status, raw]) => {
        const response = resolve(document, raw);
        const types = isObject(response.content) ? response.content : {};
        const first = Object.values(types).find(isObject);
        return {
          status,
          description: typeof response.description === "string" ? response.description : "",
          contentTypes: Object.keys(types),
          example: pretty(first?.example),
        };
      });
      const downloads = responses.some((r) => r.contentTypes.includes("text/csv"));
      const upper = method.toUpperCase();
      operations.push({
        id: typeof operation.operationId === "string" ? operation.operationId : `${upper} ${path}`,
        method: upper,
        path,
        tag: Array.isArray(operation.tags) ? String(operation.tags[0]) : "Other",
        summary: typeof operation.summary === "string" ? operation.summary : "",
        description: typeof operation.description === "string" ? operation.description : "",
        auth,
        parameters: parameters.map((p) => {
          const schema = isObject(p.schema) ? p.schema : {};
          return {
            name: String(p.name),
            in: String(p.in),
            type: typeLabel(document, p.schema),
            required: p.required === true,
            description: typeof p.description === "string" ? p.description : "",
            ...("default" in schema ? { defaultValue: JSON.stringify(schema.default) } : {}),
          };
        }),
        body,
        responses,
        curl: curlFor(upper, path, auth, parameters, body, downloads),
      });
    }
  }
  const tags = (document.tags ?? []).map((t) => ({
    tag: t.name,
    description: t.description ?? "",
  }));
  for (const op of operations) {
    if (!tags.some((t) => t.tag === op.tag)) tags.push({ tag: op.tag, description: "" });
  }
  return tags
    .map((t) => ({ ...t, operations: operations.filter((op) => op.tag === t.tag) }))
    .filter((section) => section.operations.length > 0);
}
