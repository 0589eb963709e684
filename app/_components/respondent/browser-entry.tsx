// The one script the public survey page loads (built by scripts/build-respondent.mjs with Preact
// standing in for React): it reads the survey the server embedded in the page and hydrates the
// form the server already drew, so the respondent downloads no Next runtime at all.
import { hydrateRoot } from "react-dom/client";
import type { TLocale } from "~/server/domain/survey/definition";
import type { RespondentSurvey } from "./flow";
import { RespondentForm } from "./respondent-form";

/** What the server puts in <script type="application/json" id="respondent-props">. */
export interface RespondentPageProps {
  survey: RespondentSurvey;
  initialLocale: TLocale;
}

const root = document.getElementById("respondent-root");
const embedded = document.getElementById("respondent-props")?.textContent;
if (root && embedded) {
  const { survey, initialLocale } = JSON.parse(embedded) as RespondentPageProps;
  // The server drew this markup with the same components, props and Preact (server-entry.tsx),
  // so hydrating only attaches the handlers; the effects then restore this device's progress.
  hydrateRoot(root, <RespondentForm survey={survey} initialLocale={initialLocale} />);
}
