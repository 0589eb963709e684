// Journeys section (maps arrive with the journey feature).
import type { Metadata } from "next";
import { EmptyState } from "~/app/_components/empty-state";

export const metadata: Metadata = { title: "Journeys" };

export default function JourneysPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Journeys</h1>
          <p>Stages, touchpoints and what each persona feels along the way.</p>
        </div>
      </div>
      <EmptyState
        title="No journey maps yet"
        steps={[
          "Start from a template (generic, car buying, theatre subscription) or a blank map.",
          "Link a survey so each stage fills with emotions, thoughts and pain from real answers.",
        ]}
      >
        A journey map here is filled from evidence, not assumptions. Journey editing is coming in an
        upcoming release.
      </EmptyState>
    </>
  );
}
