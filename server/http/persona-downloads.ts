// Persona set downloads for the studio (browser session): the set as CSV or JSON, the run's full
// result, and one persona's card as PDF or PNG. Transport only: the tables come from
// services/persona-export; a card is a render job (render-downloads.ts) that answers 202 with the
// job's URL, where the file is fetched once a worker has drawn it.
import { exportPersonaSet } from "~/server/features/personas/persona-export";
import { ZPersonaExportQuery, ZPersonaParams, ZRunParams } from "./download-schemas";
import { attachment, signedInActor } from "./download-response";
import { errorResponse, responseForError } from "./errors";
import { startRenderDownload } from "./render-downloads";

export async function personaSetExport(request: Request, rawParams: unknown): Promise<Response> {
  try {
    const params = ZRunParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export personas.");
    const search = new URL(request.url).searchParams;
    const query = ZPersonaExportQuery.parse({
      dataset: search.get("dataset") || undefined,
      format: search.get("format") || undefined,
    });
    const file = await exportPersonaSet(
      session.db,
      session.actor,
      params.runId,
      query.dataset,
      query.format,
    );
    return attachment(file.body, file);
  } catch (error) {
    return responseForError(error, "Persona export");
  }
}

export async function personaCardDownload(
  request: Request,
  rawParams: unknown,
  format: "pdf" | "png",
): Promise<Response> {
  const parsed = ZPersonaParams.safeParse(rawParams);
  if (!parsed.success) return responseForError(parsed.error, "Persona export");
  const { workspaceId, runId, index } = parsed.data;
  return startRenderDownload(
    request,
    workspaceId,
    { kind: "persona-card", runId, index, format },
    `a persona ${format.toUpperCase()}`,
  );
}
