// Reads one persona of a run for the pages that show it whole: the review page and its print
// sheet. The index in the path must be a whole number (anything else is a 404); what the server
// answers is handed back as it is, because the two pages treat a refusal differently.
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";

export interface PersonaParams {
  workspaceId: string;
  runId: string;
  index: string;
}

export async function loadPersona({ workspaceId, runId, index }: PersonaParams) {
  if (!/^\d+$/.test(index)) notFound();
  const api = await serverApi();
  const view = await attempt(() => api.persona.get({ workspaceId, runId, index: Number(index) }));
  return { api, view };
}
