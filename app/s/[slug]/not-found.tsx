// A survey link that leads nowhere: said kindly, in the visitor's language, with no studio links.
import { headers } from "next/headers";
import { parseAcceptLanguage, pickLocale, respondentWords } from "./i18n";
import "../respondent.css";

export default async function SurveyNotFound() {
  const locale = pickLocale(parseAcceptLanguage((await headers()).get("accept-language")), [
    "en",
    "de",
  ]);
  const words = respondentWords[locale];
  return (
    <main id="main" className="respondent" lang={locale}>
      <div className="respondent-card">
        <section className="respondent-outcome">
          <h1>{words.notFoundTitle}</h1>
          <p>{words.notFoundBody}</p>
        </section>
      </div>
    </main>
  );
}
