// The respondent form's state and rules, apart from how it looks: which page is showing, the
// answers and their messages, the language, what this device remembers (resume after a reload),
// background saves of partial answers, and the final submit with its retries and outcomes.
// Plain React and fetch: no tRPC or react-query on the public page.
"use client";
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { pickLocale } from "~/app/s/[slug]/i18n";
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
import type { Phase } from "./respondent-chrome";
import type { Alert, Status } from "./respondent-messages";
import { postResponse, sendWithRetry, type SubmitPayload } from "./send";
import {
  loadCompletion,
  loadProgress,
  markCompleted,
  newResponseId,
  newResponseSecret,
  saveProgress,
} from "./storage";
import { useAutosaver } from "./use-autosaver";
import { useFocusRequest } from "./use-focus-request";

/** Refusals that mean the stored response is not this device's to change (its id belongs to
 * another survey, it was submitted with other answers, or its secret is not the one kept here):
 * the answers on screen are sent again as a fresh response. */
const startAgain = (code: string) => code === "CONFLICT" || code === "FORBIDDEN";

export function useRespondentSession(survey: RespondentSurvey, initialLocale: TLocale) {
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
  const { setFocus, headingRef, outcomeRef } = useFocusRequest();

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

  const autosaver = useAutosaver(slug, (refusal) => {
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

  return {
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
  };
}
