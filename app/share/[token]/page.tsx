// A shared, approved persona set: the gallery, read-only, for people without an account.
import Link from "next/link";
import { notFound } from "next/navigation";
import { GalleryCard } from "~/app/_components/persona/gallery-card";
import { loadShared } from "../share-data";
import { plural } from "~/app/_lib/format";
import { LocalDate } from "~/app/_components/locale";

export default async function SharedGalleryPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const shared = await loadShared(token);
  // Unknown, revoked or paused: a 404 (share/not-found.tsx), so the link reads as gone to
  // crawlers and scripts as well as to people.
  if (!shared.ok) notFound();
  const set = shared.value;
  const maxShare = Math.max(0.05, ...set.personas.map((p) => p.share.upper));
  return (
    <>
      <p className="pa-share-banner">
        A read-only persona set shared with you. It was approved by the team that made it.
      </p>
      <div className="page-header">
        <div>
          <h1>Personas: {set.surveyTitle}</h1>
          <p>
            {plural(set.personas.length, "persona")} from{" "}
            {plural(set.clustered, "survey respondent")}, analysis of{" "}
            {set.finishedAt ? <LocalDate value={set.finishedAt} time /> : "–"}. Shares with 95 %
            intervals.
          </p>
        </div>
      </div>
      <ul className="pa-gallery" aria-label="Personas">
        {set.personas.map((p) => (
          <GalleryCard
            key={p.index}
            card={p}
            href={`/share/${token}/personas/${p.index}`}
            clustered={set.clustered}
            status="APPROVED"
            maxShare={maxShare}
          />
        ))}
      </ul>
      <p className="hint">
        Made with Persona Atlas. <Link href={`/share/${token}`}>Link to this page</Link>
      </p>
    </>
  );
}
