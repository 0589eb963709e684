// Presentation mode for a run's personas: one persona per screen (see presentation.tsx).
import type { Metadata } from "next";
import { startSlide } from "~/app/_lib/slide-param";
import { notFound } from "next/navigation";
import { FormAlert } from "~/app/_components/form-alert";
import { avatarDataUri } from "~/app/_components/persona/avatar";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { traitSummary } from "~/server/analysis/trait-text";
import { Presentation } from "./presentation";
import "../../../personas.css";
import "~/app/_components/persona/persona-review.css";

export const metadata: Metadata = { title: "Present personas" };

export default async function PresentPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, runId } = await params;
  const { i } = await searchParams;
  const api = await serverApi();
  const set = await attempt(() => api.persona.set({ workspaceId, runId }));
  if (!set.ok && set.code === "FORBIDDEN") notFound();
  if (!set.ok) return <FormAlert message={set.message} />;
  const slides = set.value.personas.map((p) => {
    const apart = new Set(p.distinguishingTraitIds);
    return {
      index: p.index,
      name: p.name,
      summary: p.summary,
      avatar: avatarDataUri(p.avatarSeed),
      share: p.share,
      size: p.size,
      stability: p.stability,
      fields: p.fields
        .filter((f) => f.key !== "name" && f.key !== "summary" && f.value !== "")
        .map((f) => ({ key: f.key, label: f.label, value: f.value })),
      traits: p.traits
        .filter((t) => apart.has(t.id))
        .sort((a, b) => b.strength - a.strength)
        .slice(0, 3)
        .map(traitSummary),
      quote: p.quotes[0]?.text ?? null,
    };
  });
  return (
    <Presentation
      slides={slides}
      start={startSlide(i, slides.length)}
      clustered={set.value.clustered}
      exitHref={`/w/${workspaceId}/personas?run=${runId}`}
      title={set.value.surveyTitle}
    />
  );
}
