// The responses export as a file download, shared by the two routes that offer it: the studio's
// (browser session) and the REST API's (API key). The query schema is the one the OpenAPI
// document shows; the table itself comes from services/response-export.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  exportFileName,
  exportResponses,
  toCsv,
  toJson,
} from "~/server/features/responses/response-export";

export const ZResponseFilterQuery = z.object({
  version: z.coerce
    .number({ error: "version must be a version number." })
    .int({ error: "version must be a version number." })
    .positive({ error: "version must be a version number." })
    .optional()
    .meta({ description: "Only responses to this published version.", example: 1 }),
  status: z
    .enum(["PARTIAL", "COMPLETE"], { error: 'status must be "PARTIAL" or "COMPLETE".' })
    .optional()
    .meta({ description: "Only partial (still being answered) or only complete responses." }),
});

export const ZExportQuery = ZResponseFilterQuery.extend({
  format: z
    .enum(["csv", "json"], { error: 'format must be "csv" or "json".' })
    .default("csv")
    .meta({ description: "CSV (one row per response) or a JSON array of the same rows." }),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;

/** Query parameters as an object; empty values count as absent (`?version=` means no filter). */
export function queryObject(request: Request): Record<string, string> {
  const entries = [...new URL(request.url).searchParams].filter(([, value]) => value !== "");
  return Object.fromEntries(entries);
}

export async function exportDownload(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  query: TExportQuery,
): Promise<Response> {
  const data = await exportResponses(db, actor, surveyId, {
    versionNumber: query.version,
    status: query.status,
  });
  const fileName = exportFileName(data.surveyTitle, query.format);
  // The byte-order mark makes spreadsheet programs read the UTF-8 (umlauts) correctly.
  const body = query.format === "csv" ? `\uFEFF${toCsv(data)}\r\n` : toJson(data);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type":
        query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-response-count": String(data.rows.length),
    },
  });
}
