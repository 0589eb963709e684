// Words and dates as every page shows them: one plural helper ("1 reviewer", "2 reviewers") and
// one date format (day, month name, year; with the time and its zone when asked), so a date
// never reads differently on two pages and 03/04 is never ambiguous. The locale is the viewer's
// where the page knows it (app/_components/local-date.tsx), British English otherwise.

/** "1 reviewer", "3 reviewers", "0 reviewers"; irregular plurals passed explicitly. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : pluralForm}`;
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
  return new Intl.DateTimeFormat(options.locale ?? "en-GB", {
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
