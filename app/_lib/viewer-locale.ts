// The viewer's locale for dates, read once per request from the Accept-Language header, so server
// pages and the client components they render (through LocaleProvider) format dates alike and
// the first paint already shows the viewer's own format (no swap after hydration).
import { headers } from "next/headers";
import { cache } from "react";
import { dateLocale } from "./format";

export const getViewerLocale = cache(async (): Promise<string> =>
  dateLocale((await headers()).get("accept-language")),
);
