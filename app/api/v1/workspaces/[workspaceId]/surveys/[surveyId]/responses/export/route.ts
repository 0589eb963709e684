// GET /api/v1/workspaces/:workspaceId/surveys/:surveyId/responses/export?format=csv|json
// [&version=N][&status=PARTIAL|COMPLETE]: the survey's responses as a download, for any member
// of the workspace signed in with the browser session. Transport only; the use case is
// server/services/response-export.ts. Errors are JSON: { error: { code, message } }.
import { z } from "zod";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { errorResponse, responseForError } from "~/server/http/errors";
import { requireMembership } from "~/server/services/access";
import { exportFileName, exportResponses, toCsv, toJson } from "~/server/services/response-export";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  format: z.enum(["csv", "json"], { error: 'format must be "csv" or "json".' }).default("csv"),
  version: z.coerce
    .number({ error: "version must be a version number." })
    .int()
    .positive({ error: "version must be a version number." })
    .optional(),
  status: z
    .enum(["PARTIAL", "COMPLETE"], { error: 'status must be "PARTIAL" or "COMPLETE".' })
    .optional(),
});

export async function GET(
  request: Request,
  context: { params: Promise<{ workspaceId: string; surveyId: string }> },
) {
  try {
    const user = await getSessionUser();
    if (!user) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export responses.");
    const { workspaceId, surveyId } = await context.params;
    const search = new URL(request.url).searchParams;
    const query = ZQuery.parse({
      format: search.get("format") ?? undefined,
      version: search.get("version") || undefined,
      status: search.get("status") || undefined,
    });
    const db = await getDb();
    const actor = await requireMembership(db, user.id, workspaceId, access.anyMember);
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
  } catch (error) {
    return responseForError(error, "Response export");
  }
}
