// Personas section (filled by analysis runs).
import type { Metadata } from "next";
import { EmptyState } from "~/app/_components/empty-state";

export const metadata: Metadata = { title: "Personas" };

export default function PersonasPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Personas</h1>
          <p>Customer groups found in your survey answers, each with its evidence.</p>
        </div>
      </div>
      <EmptyState
        title="No personas yet"
        steps={[
          "Collect responses to a published survey.",
          "Run an analysis: Persona Atlas finds the groups and checks that they are stable.",
          "Review each persona card with your strategists and approve it.",
        ]}
      >
        Personas appear here after the first analysis run on a survey.
      </EmptyState>
    </>
  );
}
