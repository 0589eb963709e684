// The public survey form: one page of questions at a time with a progress bar, Back and Next,
// Submit on the last page, then a thank-you page. Progress lives on the device (resume after a
// reload), partial answers are saved in the background, the final submit retries until the
// server decides. Plain React and fetch: no tRPC or react-query on the public page.
"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { otherTextKey, type AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { surveyWording } from "~/server/domain/survey/survey-wording";
import { localize, pickLocale, respondentWords } from "~/app/s/[slug]/i18n";
import {
  answersToSend,
  checkOne,
  checkPage,
  keepFittingAnswers,
  pageHeading,
  questionsOnPage,
  resolvePage,
  visiblePages,
  type DraftAnswers,
  type RespondentSurvey,
} from "./flow";
import { QuestionField } from "./question-field";
import { Autosaver, postResponse, sendWithRetry, type SubmitPayload } from "./send";
import {
  loadCompletion,
  loadProgress,
  markCompleted,
  newResponseId,
  newResponseSecret,
  saveProgress,
} from "./storage";

type Phase = "form" | "thanks" | "closed" | "gone";
type Status =
  { kind: "resumed" } | { kind: "sending" } | { kind: "retrying"; seconds: number } | null;
type Alert =
  | { kind: "summary"; count: number }
  | { kind: "failed" }
  | { kind: "message"; text: string }
  | null;
type FocusRequest = { target: "heading" | "outcome" } | { target: "error"; key: string };

/** Refusals that mean the stored response is not this device's to change (its id belongs to
 * another survey, it was submitted with other answers, or its secret is not the one kept here):
 * the answers on screen are sent again as a fresh response. */
const startAgain = (code: string) => code === "CONFLICT" || code === "FORBIDDEN";

const stringOr = (value: AnswerValue | undefined) => (typeof value === "string" ? value : "");

export function RespondentForm({
  survey,
  initialLocale,
}: {
  survey: RespondentSurvey;
  initialLocale: TLocale;
}) {
  const { slug, questions } = survey;
  const firstPage = useMemo(() => visiblePages(questions, {})[0] ?? 0, [questions]);
  const [phase, setPhase] = useState<Phase>("form");
  const [ready, setReady] = useState(false);
  // The response id and its secret, made together on this device and sent with every save.
  const [identity, setIdentity] = useState<{ id: string; secret: string } | null>(null);
  const responseId = identity?.id ?? null;
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [page, setPage] = useState(firstPage);
  const [locale, setLocale] = useState<TLocale>(initialLocale);
  const [chosenLocale, setChosenLocale] = useState<TLocale | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>(null);
  const [alert, setAlert] = useState<Alert>(null);
  const [sending, setSending] = useState(false);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [website, setWebsite] = useState("");
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const autosaver = useRef<Autosaver | null>(null);
  const words = respondentWords[locale];
  const wording = surveyWording(survey, locale);

  // Restore what this device remembers; only after mounting, since the server cannot know it.
  useEffect(() => {
    if (loadCompletion(slug)) {
      setPhase("thanks");
      setReady(true);
      return;
    }
    const stored = loadProgress(slug);
    if (stored && stored.versionNumber === survey.versionNumber) {
      // Progress kept before secrets existed gets one now (its stored response has none).
      setIdentity({ id: stored.responseId, secret: stored.responseSecret ?? newResponseSecret() });
      setAnswers(stored.answers);
      setPage(stored.page);
      if (Object.keys(stored.answers).length > 0) setStatus({ kind: "resumed" });
    } else {
      // A new version was published since: a new response, with the answers that still fit.
      setIdentity({ id: newResponseId(), secret: newResponseSecret() });
      if (stored) setAnswers(keepFittingAnswers(questions, stored.answers));
    }
    const preferred =
      stored?.locale ??
      pickLocale(
        navigator.languages?.length ? navigator.languages : [navigator.language],
        survey.languages,
      );
    setLocale(preferred);
    setChosenLocale(stored?.locale);
    setReady(true);
  }, [slug, survey.versionNumber, survey.languages, questions]);

  useEffect(() => {
    if (!ready || phase !== "form" || !identity) return;
    saveProgress(slug, {
      responseId: identity.id,
      responseSecret: identity.secret,
      versionNumber: survey.versionNumber,
      answers,
      page,
      locale: chosenLocale,
    });
  }, [ready, phase, slug, survey.versionNumber, identity, answers, page, chosenLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    const saver = new Autosaver(postResponse, slug, (refusal) => {
      // The stored response is not this device's to change: carry on under a fresh one.
      if (startAgain(refusal.code)) {
        setIdentity({ id: newResponseId(), secret: newResponseSecret() });
      }
      if (refusal.code === "SURVEY_CLOSED") {
        setClosedMessage(refusal.message);
        setPhase("closed");
        setFocus({ target: "outcome" });
      }
    });
    autosaver.current = saver;
    // Leaving within the debounce must not lose the page just finished.
    const flush = () => saver.flushOnExit();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      void saver.stop();
    };
  }, [slug]);

  useEffect(() => {
    if (!focus) return;
    if (focus.target === "error") {
      const group = document.getElementById(`q-${focus.key}`);
      const input =
        group?.querySelector<HTMLElement>("input:checked") ??
        group?.querySelector<HTMLElement>("input, textarea");
      input?.focus();
      input?.scrollIntoView({ block: "center" });
    } else {
      const target = focus.target === "heading" ? headingRef.current : outcomeRef.current;
      target?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [focus]);

  const pages = visiblePages(questions, answers);
  const currentPage = resolvePage(pages, page);
  const index = Math.max(0, pages.indexOf(currentPage));
  const total = Math.max(1, pages.length);
  const isLast = index >= pages.length - 1;
  const onPage = questionsOnPage(questions, answers, currentPage);
  const heading = pageHeading(questions, currentPage);

  const payload = useCallback(
    (complete: boolean, response: { id: string; secret: string }): SubmitPayload => ({
      responseId: response.id,
      responseSecret: response.secret,
      answers: answersToSend(questions, answers),
      complete,
      locale,
      ...(website ? { website } : {}),
    }),
    [questions, answers, locale, website],
  );

  const change = (key: string, value: AnswerValue) => {
    setAnswers((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current)) return current;
      const rest = { ...current };
      delete rest[key];
      return rest;
    });
  };

  const showErrors = (found: Record<string, string>, onPageNumber: number) => {
    const firstKey = questions.find((q) => q.page === onPageNumber && q.key in found)?.key;
    setErrors(found);
    setStatus(null);
    setAlert({ kind: "summary", count: Object.keys(found).length });
    if (firstKey) setFocus({ target: "error", key: firstKey });
  };

  const goTo = (target: number) => {
    setErrors({});
    setAlert(null);
    setStatus(null);
    setPage(target);
    setFocus({ target: "heading" });
  };

  const next = () => {
    const found = checkPage(questions, answers, currentPage, locale);
    if (Object.keys(found).length > 0) return showErrors(found, currentPage);
    const target = pages[index + 1];
    if (target === undefined || !identity) return;
    goTo(target);
    autosaver.current?.schedule(payload(false, identity));
  };

  const back = () => {
    if (sending) return;
    const target = pages[index - 1];
    if (target === undefined) return;
    goTo(target);
    if (identity) autosaver.current?.schedule(payload(false, identity));
  };

  const submit = async () => {
    for (const p of [currentPage, ...pages]) {
      const found = checkPage(questions, answers, p, locale);
      if (Object.keys(found).length > 0) {
        setPage(p);
        return showErrors(found, p);
      }
    }
    if (!identity) return;
    setSending(true);
    setAlert(null);
    setStatus({ kind: "sending" });
    await autosaver.current?.stop(); // a partial save must not land after the complete one
    const onRetry = (ms: number) => setStatus({ kind: "retrying", seconds: Math.ceil(ms / 1000) });
    let current = identity;
    let outcome = await sendWithRetry(postResponse, slug, payload(true, current), { onRetry });
    if (outcome.kind === "refused" && startAgain(outcome.code)) {
      current = { id: newResponseId(), secret: newResponseSecret() };
      setIdentity(current);
      outcome = await sendWithRetry(postResponse, slug, payload(true, current), { onRetry });
    }
    setSending(false);
    setStatus(null);
    if (outcome.kind === "saved") {
      markCompleted(slug, current.id);
      setPhase("thanks");
      setFocus({ target: "outcome" });
      return;
    }
    autosaver.current?.resume();
    if (outcome.kind === "unreachable") return setAlert({ kind: "failed" });
    if (outcome.code === "SURVEY_CLOSED") {
      setClosedMessage(outcome.message);
      setPhase("closed");
      setFocus({ target: "outcome" });
      return;
    }
    if (outcome.status === 404) {
      setPhase("gone");
      setFocus({ target: "outcome" });
      return;
    }
    const found: Record<string, string> = {};
    for (const [key, messages] of Object.entries(outcome.fieldErrors)) {
      if (onPageOf(key) !== undefined && messages[0]) found[key] = messages[0];
    }
    const first = questions.find((q) => q.key in found);
    if (first) {
      setPage(first.page);
      return showErrors(found, first.page);
    }
    setAlert(outcome.message ? { kind: "message", text: outcome.message } : { kind: "failed" });
  };

  const onPageOf = (key: string) => {
    const question = questions.find((q) => q.key === key);
    return question && pages.includes(question.page) ? question.page : undefined;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || sending) return;
    if (isLast) void submit();
    else next();
  };

  const switchLocale = (target: TLocale) => {
    setLocale(target);
    setChosenLocale(target);
    // Messages already shown follow the language too.
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).map(([key, message]) => {
          const question = questions.find((q) => q.key === key);
          return [key, (question && checkOne(question, answers[key], target)) ?? message];
        }),
      ),
    );
  };

  const statusText =
    status?.kind === "resumed"
      ? words.resumed
      : status?.kind === "sending"
        ? words.sending
        : status?.kind === "retrying"
          ? words.retrying(status.seconds)
          : "";
  const alertText =
    alert?.kind === "summary"
      ? words.errorSummary(alert.count)
      : alert?.kind === "failed"
        ? words.sendFailed
        : alert?.kind === "message"
          ? alert.text
          : "";

  return (
    <main id="main" className="respondent" lang={locale}>
      <div className="respondent-card">
        <header className="respondent-header">
          <h1>{wording.title}</h1>
          {survey.languages.length > 1 && (
            <div className="language-switch" role="group" aria-label={words.languageSwitch}>
              {survey.languages.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  aria-pressed={l === locale}
                  onClick={() => switchLocale(l)}
                >
                  {respondentWords[l].languageName}
                </button>
              ))}
            </div>
          )}
        </header>

        {phase === "form" ? (
          <form
            className="respondent-form"
            noValidate
            onSubmit={onSubmit}
            data-ready={ready ? "true" : undefined}
          >
            <div className="progress">
              <h2 id="page-heading" ref={headingRef} tabIndex={-1}>
                {words.pageOf(index + 1, total)}
              </h2>
              <div
                className="progress-track"
                role="progressbar"
                aria-labelledby="page-heading"
                aria-valuemin={1}
                aria-valuemax={total}
                aria-valuenow={index + 1}
                aria-valuetext={words.pageOf(index + 1, total)}
              >
                <div
                  className="progress-fill"
                  style={{ width: `${((index + 1) / total) * 100}%` }}
                />
              </div>
            </div>
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
              {statusText}
            </div>
            <div role="alert" className={alertText ? "alert error" : "respondent-alert-empty"}>
              {alertText}
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

            <div className="honeypot" aria-hidden="true">
              <label>
                {words.honeypot}
                <input
                  type="text"
                  name="website"
                  tabIndex={-1}
                  autoComplete="off"
                  value={website}
                  onChange={(event) => setWebsite(event.target.value)}
                />
              </label>
            </div>

            <div className="respondent-nav">
              {index > 0 && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={back}
                  aria-disabled={sending || undefined}
                >
                  {words.back}
                </button>
              )}
              <button
                type="submit"
                className="button"
                aria-disabled={sending || !ready || undefined}
              >
                {sending && <span className="spinner" aria-hidden="true" />}
                {isLast ? words.submit : words.next}
              </button>
            </div>
          </form>
        ) : (
          <section className="respondent-outcome">
            <h2 ref={outcomeRef} tabIndex={-1}>
              {phase === "thanks"
                ? words.thanksTitle
                : phase === "closed"
                  ? words.closedTitle
                  : words.notFoundTitle}
            </h2>
            <p>
              {phase === "thanks"
                ? words.thanksBody
                : phase === "closed"
                  ? (closedMessage ?? words.closedBody)
                  : words.notFoundBody}
            </p>
          </section>
        )}
      </div>
    </main>
  );
}
