// One persona in the gallery: avatar, name, one-line summary, share with its 95 % interval (as
// words and as a bar), stability and review status, and what needs attention. Server component:
// the avatar is rendered here.
import Link from "next/link";
import { IntervalBar } from "~/app/_components/charts/interval-bar";
import { formatShare } from "~/server/analysis/trait-text";
import type { TPersonaSetStatus } from "~/server/domain/review";
import type { StabilityFigures } from "~/app/(studio)/w/[workspaceId]/personas/run-format";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { PersonaAvatar } from "./avatar";
import { PlaceholderNameHint } from "./placeholder-name-hint";
import { ReviewBadge } from "./review-badge";

export interface GalleryCardData {
  index: number;
  name: string;
  /** The drafted name nobody has replaced yet: shown with a hint to rename it. */
  placeholderName?: boolean;
  summary: string;
  avatarSeed: string;
  size: number;
  share: { estimate: number; lower: number; upper: number };
  stability: StabilityFigures;
  evidence: "distinguishing" | "thin";
  flaggedCount?: number;
  openThreads?: number;
  editedCount?: number;
}

export function GalleryCard({
  card,
  href,
  clustered,
  status,
  maxShare,
}: {
  card: GalleryCardData;
  href: string;
  clustered: number;
  status: TPersonaSetStatus | null;
  maxShare: number;
}) {
  const attention = [
    card.flaggedCount
      ? `${card.flaggedCount} field${card.flaggedCount === 1 ? "" : "s"} to check`
      : null,
    card.openThreads ? `${card.openThreads} open thread${card.openThreads === 1 ? "" : "s"}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <li className="panel pa-gallery-card">
      <div className="pa-gallery-head">
        <PersonaAvatar seed={card.avatarSeed} />
        <div>
          <h3>
            <Link href={href}>{card.name}</Link>
          </h3>
          {card.placeholderName && <PlaceholderNameHint />}
          <p className="pa-badges">
            <StabilityBadge stability={card.stability} />
            {status && <ReviewBadge status={status} />}
          </p>
        </div>
      </div>
      <p className={card.summary ? "pa-summary" : "pa-note"}>
        {card.summary || "Insufficient evidence for a one-line summary."}
      </p>
      <p className="pa-share">
        <strong>{formatShare(card.share.estimate)}</strong> of respondents (n = {card.size} of{" "}
        {clustered}), 95 % CI {formatShare(card.share.lower)}–{formatShare(card.share.upper)}
      </p>
      <IntervalBar
        estimate={card.share.estimate}
        lower={card.share.lower}
        upper={card.share.upper}
        max={maxShare}
      />
      {card.evidence === "thin" && (
        <p className="pa-note">Thin evidence: nothing sets this persona clearly apart.</p>
      )}
      {attention.length > 0 && (
        <p className="pa-attention">Needs attention: {attention.join(", ")}.</p>
      )}
    </li>
  );
}
