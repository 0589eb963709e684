// The public page's own words in English and German, and the choice of language: the
// respondent's preferences (Accept-Language on the server, navigator.languages in the browser)
// matched against the languages the survey offers. Question texts carry their own translations.
import type { TLocale, TLocalizedText } from "~/server/domain/survey/definition";

export interface RespondentWords {
  languageName: string;
  languageSwitch: string;
  next: string;
  back: string;
  submit: string;
  sending: string;
  required: string;
  pageOf: (page: number, total: number) => string;
  selectAll: string;
  /** Label of the text box next to "Other". */
  otherSpecify: string;
  matrixHint: string;
  scaleEnds: (minLabel: string, maxLabel: string) => string;
  numberRange: (min: number | undefined, max: number | undefined) => string;
  errorSummary: (count: number) => string;
  retrying: (seconds: number) => string;
  sendFailed: string;
  tryAgain: string;
  resumed: string;
  thanksTitle: string;
  thanksBody: string;
  closedTitle: string;
  closedBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  honeypot: string;
}

export const respondentWords: Record<TLocale, RespondentWords> = {
  en: {
    languageName: "English",
    languageSwitch: "Language",
    next: "Next",
    back: "Back",
    submit: "Submit",
    sending: "Sending your answers…",
    required: "(required)",
    pageOf: (page, total) => `Page ${page} of ${total}`,
    selectAll: "Select all that apply.",
    otherSpecify: "Please specify",
    matrixHint: "Choose one point on the scale for each row.",
    scaleEnds: (min, max) => `From ${min} to ${max}.`,
    numberRange: (min, max) =>
      min !== undefined && max !== undefined
        ? `A number from ${min} to ${max}.`
        : min !== undefined
          ? `A number of ${min} or more.`
          : max !== undefined
            ? `A number of ${max} or less.`
            : "A number.",
    errorSummary: (count) =>
      count === 1 ? "One answer needs your attention." : `${count} answers need your attention.`,
    retrying: (seconds) =>
      `We could not reach the server. Trying again in ${seconds} second${seconds === 1 ? "" : "s"}…`,
    sendFailed:
      "Your answers could not be sent. They are kept on this device; check your connection and try again.",
    tryAgain: "Try again",
    resumed: "Welcome back. You can continue where you left off.",
    thanksTitle: "Thank you!",
    thanksBody: "Your answers have been saved. You can close this page now.",
    closedTitle: "This survey is closed",
    closedBody: "It no longer accepts answers. Thank you for your interest.",
    notFoundTitle: "Survey not found",
    notFoundBody:
      "This link does not lead to a survey. Please check the address, or ask the person who sent it to you.",
    honeypot: "Leave this field empty",
  },
  de: {
    languageName: "Deutsch",
    languageSwitch: "Sprache",
    next: "Weiter",
    back: "Zurück",
    submit: "Absenden",
    sending: "Ihre Antworten werden gesendet…",
    required: "(Pflichtfrage)",
    pageOf: (page, total) => `Seite ${page} von ${total}`,
    selectAll: "Mehrfachauswahl möglich.",
    otherSpecify: "Bitte angeben",
    matrixHint: "Bitte wählen Sie für jede Zeile einen Punkt der Skala.",
    scaleEnds: (min, max) => `Von ${min} bis ${max}.`,
    numberRange: (min, max) =>
      min !== undefined && max !== undefined
        ? `Eine Zahl von ${min} bis ${max}.`
        : min !== undefined
          ? `Eine Zahl ab ${min}.`
          : max !== undefined
            ? `Eine Zahl bis ${max}.`
            : "Eine Zahl.",
    errorSummary: (count) =>
      count === 1
        ? "Eine Antwort braucht Ihre Aufmerksamkeit."
        : `${count} Antworten brauchen Ihre Aufmerksamkeit.`,
    retrying: (seconds) =>
      `Der Server ist nicht erreichbar. Neuer Versuch in ${seconds} Sekunde${seconds === 1 ? "" : "n"}…`,
    sendFailed:
      "Ihre Antworten konnten nicht gesendet werden. Sie bleiben auf diesem Gerät gespeichert; bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    tryAgain: "Erneut versuchen",
    resumed: "Willkommen zurück. Sie können dort weitermachen, wo Sie aufgehört haben.",
    thanksTitle: "Vielen Dank!",
    thanksBody: "Ihre Antworten wurden gespeichert. Sie können diese Seite jetzt schließen.",
    closedTitle: "Diese Umfrage ist geschlossen",
    closedBody: "Sie nimmt keine Antworten mehr an. Danke für Ihr Interesse.",
    notFoundTitle: "Umfrage nicht gefunden",
    notFoundBody:
      "Dieser Link führt zu keiner Umfrage. Bitte prüfen Sie die Adresse oder fragen Sie die Person, die ihn Ihnen geschickt hat.",
    honeypot: "Dieses Feld bitte leer lassen",
  },
};

/** Language tags in order of preference, from an Accept-Language header. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The first preferred language the survey offers; English (always offered) otherwise. */
export function pickLocale(preferences: readonly string[], available: readonly TLocale[]): TLocale {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split("-")[0];
    const match = available.find((locale) => locale === primary);
    if (match) return match;
  }
  return available.includes("en") ? "en" : (available[0] ?? "en");
}

/** A text in the respondent's language, falling back to English. */
export function localize(
  text: Partial<TLocalizedText> | null | undefined,
  locale: TLocale,
): string {
  if (!text) return "";
  return (locale === "de" ? text.de?.trim() : undefined) || text.en || "";
}
