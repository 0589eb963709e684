// The public survey form: one page of questions at a time with a progress bar, Back and Next,
// Submit on the last page, then a thank-you page. Progress lives on the device (resume after a
// reload), partial answers are saved in the background, the final submit retries until the
// server decides. This file is the markup; the state and rules live in use-respondent-session.ts.
"use client";
import { otherTextKey, type AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { surveyWording } from "~/server/domain/survey/survey-wording";
import { localize, respondentWords } from "~/app/s/[slug]/i18n";
import type { RespondentSurvey } from "./flow";
import { QuestionField } from "./question-field";
import { Honeypot, LanguageSwitch, Outcome, PageNav, PageProgress } from "./respondent-chrome";
import { alertText, statusText } from "./respondent-messages";
import { useRespondentSession } from "./use-respondent-session";

const stringOr = (value: AnswerValue | undefined) => (typeof value === "string" ? value : "");

export function RespondentForm({
  survey,
  initialLocale,
}: {
  survey: RespondentSurvey;
  initialLocale: TLocale;
}) {
  const {
    phase,
    ready,
    responseId,
    answers,
    errors,
    locale,
    status,
    alert,
    sending,
    closedMessage,
    website,
    setWebsite,
    headingRef,
    outcomeRef,
    index,
    total,
    isLast,
    onPage,
    heading,
    change,
    back,
    onSubmit,
    switchLocale,
  } = useRespondentSession(survey, initialLocale);
  const words = respondentWords[locale];
  const wording = surveyWording(survey, locale);
  const statusLine = statusText(status, words);
  const alertLine = alertText(alert, words);

  return (
    <main id="main" className="respondent" lang={locale}>
      <div className="respondent-card">
        <header className="respondent-header">
          <h1>{wording.title}</h1>
          {survey.languages.length > 1 && (
            <LanguageSwitch
              languages={survey.languages}
              locale={locale}
              words={words}
              onSwitch={switchLocale}
            />
          )}
        </header>

        {phase === "form" ? (
          <form
            className="respondent-form"
            noValidate
            onSubmit={onSubmit}
            data-ready={ready ? "true" : undefined}
          >
            <PageProgress index={index} total={total} words={words} headingRef={headingRef} />
            {heading?.title && (
              <h3 className="page-title" lang={locale}>
                {localize(heading.title, locale)}
              </h3>
            )}
            {heading?.description && (
              <p className="page-description">{localize(heading.description, locale)}</p>
            )}
            {index === 0 && wording.description && (
              <p className="respondent-description">{wording.description}</p>
            )}
            <div role="status" className="respondent-status">
              {statusLine}
            </div>
            <div role="alert" className={alertLine ? "alert error" : "respondent-alert-empty"}>
              {alertLine}
            </div>

            {onPage.map((question) => (
              <QuestionField
                key={question.key}
                question={question}
                locale={locale}
                words={words}
                value={answers[question.key]}
                error={errors[question.key]}
                seed={responseId}
                disabled={question.disabled}
                otherText={stringOr(answers[otherTextKey(question.key)])}
                otherError={errors[otherTextKey(question.key)]}
                onOtherText={(text) => change(otherTextKey(question.key), text)}
                onChange={(value) => change(question.key, value)}
              />
            ))}

            <Honeypot words={words} value={website} onChange={setWebsite} />
            <PageNav
              words={words}
              showBack={index > 0}
              isLast={isLast}
              sending={sending}
              ready={ready}
              onBack={back}
            />
          </form>
        ) : (
          <Outcome
            phase={phase}
            words={words}
            closedMessage={closedMessage}
            headingRef={outcomeRef}
          />
        )}
      </div>
    </main>
  );
}
