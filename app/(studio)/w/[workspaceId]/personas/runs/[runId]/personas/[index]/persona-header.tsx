// The top of one persona's review page: the way to the gallery and the neighbouring personas,
// the avatar, name and share with its interval, stability and review status, the downloads and
// links to present and compare, and the notes on thin evidence or flagged fields.
import Link from "next/link";
import { RenderDownload } from "~/app/_components/render-download";
import { FormAlert } from "~/app/_components/form-alert";
import { Glossary } from "~/app/_components/glossary";
import { PersonaAvatar } from "~/app/_components/persona/avatar";
import { PlaceholderNameHint } from "~/app/_components/persona/placeholder-name-hint";
import { ReviewBadge } from "~/app/_components/persona/review-badge";
import { formatShare } from "~/server/analysis/trait-text";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import type { PersonaView } from "./persona-view";

interface PersonaHeaderProps {
  view: PersonaView;
  workspaceId: string;
  runId: string;
}

export function PersonaHeader({ view: v, workspaceId, runId }: PersonaHeaderProps) {
  const p = v.persona;
  const base = `/w/${workspaceId}/personas`;
  const position = v.siblings.findIndex((s) => s.index === p.index);
  const previous = v.siblings[position - 1];
  const next = v.siblings[position + 1];
  const compareWith = next ?? previous;
  const apiBase = `/api/v1/workspaces/${workspaceId}/runs/${runId}/personas/${p.index}`;
  return (
    <>
      <nav className="pa-breadcrumb pa-persona-nav" aria-label="Personas of this run">
        <Link href={`${base}?run=${runId}`}>← Gallery</Link>
        {previous && (
          <Link href={`${base}/runs/${runId}/personas/${previous.index}`}>‹ {previous.name}</Link>
        )}
        {next && <Link href={`${base}/runs/${runId}/personas/${next.index}`}>{next.name} ›</Link>}
      </nav>
      <div className="page-header pa-persona-header">
        <PersonaAvatar seed={p.avatarSeed} size={96} />
        <div>
          <h1>{p.name}</h1>
          {p.placeholderName && (
            <PlaceholderNameHint href={v.canEdit ? "#field-name-title" : undefined} />
          )}
          {p.title && <p className="pa-archetype">{p.title}</p>}
          {p.summary && <p className="pa-tagline">{p.summary}</p>}
          <p>
            {formatShare(p.share.estimate)} of respondents (n = {p.size} of {v.clustered}
            <Glossary term="n" />
            ), 95 % CI
            <Glossary term="ci" /> {formatShare(p.share.lower)}–{formatShare(p.share.upper)} ·{" "}
            <StabilityBadge stability={p.stability} />
            <Glossary term="jaccard" /> <ReviewBadge status={v.run.reviewStatus} />
          </p>
          <p className="row pa-actions">
            <RenderDownload href={`${apiBase}/pdf`} label="Download PDF" what="PDF" />
            <RenderDownload href={`${apiBase}/png`} label="Download PNG" what="PNG" />
            <Link
              className="button secondary small"
              href={`${base}/runs/${runId}/present?i=${p.index}`}
            >
              Present
            </Link>
            {compareWith && (
              <Link
                className="button secondary small"
                href={`${base}/runs/${runId}/compare?p=${p.index}&p=${compareWith.index}`}
              >
                Compare
              </Link>
            )}
          </p>
        </div>
      </div>
      {p.evidence === "thin" && (
        <FormAlert message="Insufficient evidence: nothing sets this persona clearly apart from the rest, so its draft stays thin." />
      )}
      {p.flaggedCount > 0 && (
        <div className="alert pa-flag" role="note">
          {p.flaggedCount} person-written field{p.flaggedCount === 1 ? "" : "s"} kept from the last
          run rest on evidence that changed: check {p.flaggedCount === 1 ? "it" : "them"} below.
        </div>
      )}
    </>
  );
}
