// Persona set downloads for the studio (browser session): the set as CSV or JSON, the run's full
// result, and one persona's card as PDF or PNG rendered from the app's print page by headless
// Chromium. Transport only: the tables come from services/persona-export, the rendering from
// services/page-render; a missing Chromium answers 503 with a message saying what to install,
// a full render queue 429 with Retry-After.
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { access } from "~/server/domain/workspace";
import { requireMembership } from "~/server/services/access";
import { getPersonaReview } from "~/server/services/persona-fields";
import { exportPersonaSet, personaFileName } from "~/server/services/persona-export";
import { renderAppPage } from "~/server/services/page-render";
import { ZPersonaExportQuery, ZPersonaParams, ZRunParams } from "./download-schemas";
import { errorResponse, responseForError } from "./errors";
import { renderRefusal } from "./render-refusals";

async function signedInActor(workspaceId: string) {
  const user = await getSessionUser();
  if (!user) return null;
  const db = await getDb();
  return { db, actor: await requireMembership(db, user.id, workspaceId, access.anyMember) };
}

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
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return responseForError(error, "Persona export");
  }
}

export async function personaCardDownload(
  request: Request,
  rawParams: unknown,
  format: "pdf" | "png",
): Promise<Response> {
  try {
    const params = ZPersonaParams.parse(rawParams);
    const session = await signedInActor(params.workspaceId);
    if (!session) return errorResponse(401, "UNAUTHENTICATED", "Sign in to export personas.");
    // Checks the persona exists and is the caller's to see before starting a browser.
    const view = await getPersonaReview(session.db, session.actor, params.runId, params.index);
    const body = await renderAppPage({
      path: `/print/w/${params.workspaceId}/runs/${params.runId}/personas/${params.index}`,
      format,
      cookie: request.headers.get("cookie"),
      acceptLanguage: request.headers.get("accept-language"),
    });
    const fileName = personaFileName(view.run.surveyTitle, params.index, view.persona.name, format);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "content-type": format === "pdf" ? "application/pdf" : "image/png",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const refusal = renderRefusal(error);
    if (refusal) return refusal;
    return responseForError(error, `Persona ${format.toUpperCase()} export`);
  }
}
