// Loads a journey map with the evidence of one analysis run (the newest by default, or the one
// asked for by ?run=…) for the pages that show a map whole: presentation mode and the print sheet.
// A missing map is a 404; a fill that is absent or no longer parses counts as "not filled yet".
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { ZJourneyFill } from "~/server/analysis/journey/result";

export async function loadMapWithFill(
  workspaceId: string,
  mapId: string,
  run: string | string[] | undefined,
) {
  const api = await serverApi();
  const map = await attempt(() => api.journey.get({ workspaceId, journeyMapId: mapId }));
  if (!map.ok) notFound();
  const stored = await attempt(() =>
    api.journey.fill({
      workspaceId,
      journeyMapId: mapId,
      runId: typeof run === "string" && run ? run : undefined,
    }),
  );
  const parsed = stored.ok && stored.value ? ZJourneyFill.safeParse(stored.value.result) : null;
  const filled =
    stored.ok && stored.value && parsed?.success ? { run: stored.value, fill: parsed.data } : null;
  return { map: map.value, filled };
}
