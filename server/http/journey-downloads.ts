// Journey map downloads for the studio (browser session): the filled cells of one run as CSV or
// JSON, the map itself as map.json, and the map with its evidence as a landscape PDF (A4 or
// Letter) or PNG. Transport only: the tables come from services/journey-export; a PDF or PNG is
// a render job (render-downloads.ts) that answers 202 with the job's URL, where the file is
// fetched once a worker has drawn it.
import { exportJourneyCells } from "~/server/features/journeys/journey-export";
import { exportJourneyMapFile } from "~/server/features/journeys/journey-map-file";
import { ZJourneyExportQuery, ZJourneyRenderQuery, ZMapParams } from "./download-schemas";
import { attachment, signedInActor } from "./download-response";
import { errorResponse, responseForError } from "./errors";
import { startRenderDownload } from "./render-downloads";

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
    return attachment(file.body, file);
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
    const { workspaceId, mapId } = ZMapParams.parse(rawParams);
    const query = ZJourneyRenderQuery.parse(queryOf(request, ["paper", "run"]));
    return await startRenderDownload(
      request,
      workspaceId,
      { kind: "journey-map", mapId, runId: query.run, paper: query.paper, format },
      `a journey map ${format.toUpperCase()}`,
    );
  } catch (error) {
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
    return attachment(file.body, { ...file, contentType: "application/json; charset=utf-8" });
  } catch (error) {
    return responseForError(error, "Journey map file export");
  }
}
