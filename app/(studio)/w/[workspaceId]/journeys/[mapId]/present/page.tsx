// Presentation mode for a journey map's stages: one stage per screen with its goals, touchpoints
// by layer and each persona's emotion and pain with intervals, from the fill of one run (the
// newest by default, ?run=…). See stage-presentation.tsx for the keys.
import type { Metadata } from "next";
import { startSlide } from "~/app/_lib/slide-param";
import { loadMapWithFill } from "../load-map-with-fill";
import { stageSlides } from "./stage-slides";
import { StagePresentation } from "./stage-presentation";
import "~/app/_components/persona/persona-review.css";
import "./present.css";

export const metadata: Metadata = { title: "Present journey stages" };

export default async function PresentJourneyPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; mapId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, mapId } = await params;
  const { run, i } = await searchParams;
  const { map, filled } = await loadMapWithFill(workspaceId, mapId, run);
  const fill = filled?.fill ?? null;
  const slides = stageSlides(map.stages, fill);
  return (
    <StagePresentation
      slides={slides}
      start={startSlide(i, slides.length)}
      title={map.name}
      filled={fill !== null}
      exitHref={`/w/${workspaceId}/journeys/${mapId}`}
    />
  );
}
