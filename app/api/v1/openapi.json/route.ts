// GET /api/v1/openapi.json: the generated OpenAPI document (server/http/v1/openapi.ts).
import { openApiDocument } from "~/server/http/v1/openapi";

export function GET() {
  return Response.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
