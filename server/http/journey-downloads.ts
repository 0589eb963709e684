// Journey map downloads for the studio (browser session): the filled cells of one run as CSV or
// JSON, and the map with its evidence as a landscape PDF (A4 or Letter) or PNG rendered from the
// app's print page by headless Chromium. Transport only: the table comes from
// services/journey-export, the rendering from services/page-render; a missing Chromium answers
// 503 with a message saying what to install, a full render queue 429 with Retry-After.
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { requireMembership } from "~/server/services/access";
import { exportJourneyCells, journeyFileName } from "~/server/services/journey-export";
import { exportJourneyMapFile } from "~/server/services/journey-map-file";
import { getJourneyMap } from "~/server/services/journey-view";
import { renderAppPage } from "~/server/services/page-render";
import { ZJourneyExportQuery, ZJourneyRenderQuery, ZMapParams } from "./download-schemas";
import { errorResponse, responseForError } from "./errors";
import { renderRefusal } from "./render-refusals";

async function signedInActor(workspaceId: string) {
  const user = await getSessionUser();
  if (!user) return null;
  const db = await getDb();
  return { db, actor: await requireMembership(db, user.id, workspaceId, access.anyMember) };
}

const queryOf = (request: Request, names: string[]) => {
  const search = new URL(request.url).searchParams;
  return Object.fromEntries(names.map((n) => [n, search.get(n) || undefined]));
};

export async function journeyCellExport(request: Request, rawParams: unknown): Promise<Response> {
  try {
    const params = ZMapParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export journey maps.");
    const query = ZJourneyExportQuery.parse(queryOf(request, ["format", "run"]));
    const file = await exportJourneyCells(session.db, session.actor, {
      journeyMapId: params.mapId,
      runId: query.run,
      format: query.format,
    });
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return responseForError(error, "Journey export");
  }
}

export async function journeyMapDownload(
  request: Request,
  rawParams: unknown,
  format: "pdf" | "png",
): Promise<Response> {
  try {
    const params = ZMapParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export journey maps.");
    const query = ZJourneyRenderQuery.parse(queryOf(request, ["paper", "run"]));
    // Checks the map exists and is the caller's to see before starting a browser.
    const map = await getJourneyMap(session.db, session.actor, params.mapId);
    const search = query.run ? `?run=${encodeURIComponent(query.run)}` : "";
    const body = await renderAppPage({
      path: `/print/w/${params.workspaceId}/journeys/${params.mapId}${search}`,
      format,
      paper: query.paper,
      frame: "running",
      cookie: request.headers.get("cookie"),
      acceptLanguage: request.headers.get("accept-language"),
    });
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": format === "pdf" ? "application/pdf" : "image/png",
        "content-disposition": `attachment; filename="${journeyFileName(map.name, "journey-map", format)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const refusal = renderRefusal(error);
    if (refusal) return refusal;
    return responseForError(error, `Journey map ${format.toUpperCase()} export`);
  }
}

/** map.json: the map's stages and touchpoints for `npm run analyze -- --journey`. */
export async function journeyMapFileDownload(rawParams: unknown): Promise<Response> {
  try {
    const params = ZMapParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export journey maps.");
    const file = await exportJourneyMapFile(session.db, session.actor, params.mapId);
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return responseForError(error, "Journey map file export");
  }
}
