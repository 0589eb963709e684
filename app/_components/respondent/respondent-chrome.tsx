// The parts of the respondent page around the questions: the language switch, the "Page n of m"
// heading with its progress bar, the hidden honeypot field bots fill in, Back and Next/Submit,
// and the outcome card (thanks, closed, gone) that replaces the form.
"use client";
import type { Ref } from "react";
import type { TLocale } from "~/server/domain/survey/definition";
import { respondentWords, type RespondentWords } from "~/app/s/[slug]/i18n";

export type Phase = "form" | "thanks" | "closed" | "gone";

export function LanguageSwitch({
  languages,
  locale,
  words,
  onSwitch,
}: {
  languages: TLocale[];
  locale: TLocale;
  words: RespondentWords;
  onSwitch: (locale: TLocale) => void;
}) {
  return (
    <div className="language-switch" role="group" aria-label={words.languageSwitch}>
      {languages.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => onSwitch(l)}
        >
          {respondentWords[l].languageName}
        </button>
      ))}
    </div>
  );
}

export function PageProgress({
  index,
  total,
  words,
  headingRef,
}: {
  index: number;
  total: number;
  words: RespondentWords;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
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
        <div className="progress-fill" style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
    </div>
  );
}

/** A field people never see or reach; a bot that fills it in gets its response dropped. */
export function Honeypot({
  words,
  value,
  onChange,
}: {
  words: RespondentWords;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        {words.honeypot}
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
    </div>
  );
}

export function PageNav({
  words,
  showBack,
  isLast,
  sending,
  ready,
  onBack,
}: {
  words: RespondentWords;
  showBack: boolean;
  isLast: boolean;
  sending: boolean;
  ready: boolean;
  onBack: () => void;
}) {
  return (
    <div className="respondent-nav">
      {showBack && (
        <button
          type="button"
          className="button secondary"
          onClick={onBack}
          aria-disabled={sending || undefined}
        >
          {words.back}
        </button>
      )}
      <button type="submit" className="button" aria-disabled={sending || !ready || undefined}>
        {sending && <span className="spinner" aria-hidden="true" />}
        {isLast ? words.submit : words.next}
      </button>
    </div>
  );
}

export function Outcome({
  phase,
  words,
  closedMessage,
  headingRef,
}: {
  phase: Exclude<Phase, "form">;
  words: RespondentWords;
  closedMessage: string | null;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <section className="respondent-outcome">
      <h2 ref={headingRef} tabIndex={-1}>
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
  );
}
