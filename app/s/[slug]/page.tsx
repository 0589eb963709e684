// The public respondent page (no sign-in): the latest published version of a survey in the
// respondent's language, a polite page when it is closed, a friendly 404 when it does not exist.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RespondentForm } from "~/app/_components/respondent/respondent-form";
import type { RespondentSurvey } from "~/app/_components/respondent/flow";
import { getDb } from "~/server/db";
import { surveyWording } from "~/server/domain/survey/survey-wording";
import { getPublicSurvey } from "~/server/services/surveys";
import { parseAcceptLanguage, pickLocale, respondentWords } from "./i18n";
import "../respondent.css";
import { withoutRowPlacement } from "~/server/domain/survey/matrix";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const loadSurvey = cache(async (slug: string) =>
  /^[A-Za-z0-9_-]{1,100}$/.test(slug) ? getPublicSurvey(await getDb(), slug) : null,
);

/** The language the browser asks for, among those the survey offers. */
async function requestLocale(languages: RespondentSurvey["languages"]) {
  return pickLocale(parseAcceptLanguage((await headers()).get("accept-language")), languages);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const survey = await loadSurvey((await params).slug);
  return {
    title: survey
      ? { absolute: surveyWording(survey, await requestLocale(survey.languages)).title }
      : "Survey",
    robots: { index: false, follow: false },
  };
}

export default async function RespondentPage({ params }: Params) {
  const { slug } = await params;
  const survey = await loadSurvey(slug);
  if (!survey) notFound();
  const locale = await requestLocale(survey.languages);

  if (survey.status === "CLOSED") {
    const words = respondentWords[locale];
    return (
      <main id="main" className="respondent" lang={locale}>
        <div className="respondent-card">
          <h1>{surveyWording(survey, locale).title}</h1>
          <section className="respondent-outcome">
            <h2>{words.closedTitle}</h2>
            <p>{words.closedBody}</p>
          </section>
        </div>
      </main>
    );
  }

  const forBrowser: RespondentSurvey = {
    slug: survey.slug,
    title: survey.title,
    description: survey.description,
    titleDe: survey.titleDe,
    descriptionDe: survey.descriptionDe,
    languages: survey.languages,
    versionNumber: survey.versionNumber,
    questions: survey.questions.map((q) => ({
      key: q.key,
      type: q.type,
      page: q.page,
      required: q.required,
      randomizeOptions: q.randomizeOptions,
      text: q.text,
      help: q.help,
      options: q.options,
      settings: withoutRowPlacement(q.settings),
      logic: q.logic,
    })),
  };
  return <RespondentForm survey={forBrowser} initialLocale={locale} />;
}
