// Surveys section (the builder arrives with the surveys feature).
import type { Metadata } from "next";
import { EmptyState } from "~/app/_components/empty-state";

export const metadata: Metadata = { title: "Surveys" };

export default function SurveysPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Surveys</h1>
          <p>Questions tied to the stages of your customer journey.</p>
        </div>
      </div>
      <EmptyState
        title="No surveys yet"
        steps={[
          "Sketch your journey stages under Journeys.",
          "Build a survey whose questions measure emotion, pain and thoughts at each stage.",
          "Publish it and share the public link with your customers.",
        ]}
      >
        Surveys collect the answers that become personas. The survey builder is the next part of
        Persona Atlas to arrive; this workspace is ready for it.
      </EmptyState>
    </>
  );
}
