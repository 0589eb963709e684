// The viewer's date locale for client components: a layout reads it from the request
// (app/_lib/viewer-locale.ts) and provides it here, so the server render and the hydrated page
// print the same date and nothing moves after load.
"use client";
import { createContext, useContext, type ReactNode } from "react";
import { fallbackDateLocale, formatDate, formatDateTime } from "~/app/_lib/format";

const LocaleContext = createContext<string>(fallbackDateLocale);

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The viewer's locale (British English outside a LocaleProvider). */
export const useLocale = () => useContext(LocaleContext);

/** A date (or, with `time`, date and time) in the viewer's locale, in a <time> element. */
export function LocalDate({ value, time = false }: { value: Date | string; time?: boolean }) {
  const locale = useLocale();
  const date = value instanceof Date ? value : new Date(value);
  const text = time ? formatDateTime(date, { locale }) : formatDate(date, { locale });
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}>{text}</time>
  );
}
