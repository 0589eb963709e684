// Words and dates as every page shows them: one plural helper ("1 reviewer", "2 reviewers") and
// one date format (day, month name, year; with the time and its zone when asked), so a date
// never reads differently on two pages and 03/04 is never ambiguous. The locale is the viewer's
// (from Accept-Language: app/_lib/viewer-locale.ts on the server, app/_components/locale.tsx in
// client components), British English when the browser names none Intl knows. Times are UTC and
// say so, since the server cannot know the viewer's zone before the first paint.
import { parseAcceptLanguage } from "~/app/s/[slug]/i18n";

/** Used when the viewer's browser names no locale Intl can format dates in. */
export const fallbackDateLocale = "en-GB";

/** "1 reviewer", "3 reviewers", "0 reviewers"; irregular plurals passed explicitly. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : pluralForm}`;
}

/** The first locale of an Accept-Language header that Intl can format dates in. */
export function dateLocale(acceptLanguage: string | null | undefined): string {
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag (RangeError): try the next preference.
    }
  }
  return fallbackDateLocale;
}

export interface DateFormatOptions {
  /** Add the time of day and the time zone's name. */
  time?: boolean;
  /** BCP 47 locale; the server renders in en-GB, the browser in the viewer's own. */
  locale?: string;
  /** IANA zone; UTC unless the viewer's own zone is known. */
  timeZone?: string;
}

/** "2 Dec 2026" or "2 Dec 2026, 22:18 UTC" (en-GB); "Dec 2, 2026, 10:18 PM UTC" (en-US). */
export function formatDate(value: Date | string | number, options: DateFormatOptions = {}): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "–";
  return new Intl.DateTimeFormat(options.locale ?? fallbackDateLocale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(options.time ? { hour: "2-digit", minute: "2-digit", timeZoneName: "short" } : {}),
    timeZone: options.timeZone ?? "UTC",
  }).format(date);
}

/** A date with its time, e.g. when a run finished or a comment was written. */
export const formatDateTime = (value: Date | string | number, options: DateFormatOptions = {}) =>
  formatDate(value, { ...options, time: true });
