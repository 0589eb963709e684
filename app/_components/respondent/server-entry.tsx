// The server half of the public survey page's own bundle (scripts/build-respondent.mjs builds it
// into dist/respondent-ssr.mjs with Preact in place of React): draws the form as HTML from the
// same components the browser script then takes over, so the first paint needs no script and
// the browser's Preact finds exactly the markup it would have drawn itself.
import { renderToString } from "preact-render-to-string";
import type { RespondentPageProps } from "./browser-entry";
import { RespondentForm } from "./respondent-form";

export function renderRespondentForm({ survey, initialLocale }: RespondentPageProps): string {
  return renderToString(<RespondentForm survey={survey} initialLocale={initialLocale} />);
}
