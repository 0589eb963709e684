// The public respondent page (no sign-in), served as a plain HTML document (see page-html.ts for
// why it is not a Next page): the latest published version of a survey in the respondent's
// language, a polite page when it is closed, a friendly 404 when it does not exist.
import type { RespondentSurvey } from "~/app/_components/respondent/flow";
import { withoutRowPlacement } from "~/server/domain/survey/matrix";
import { surveyWording } from "~/server/domain/survey/survey-wording";
import { loadPublicSurvey } from "~/server/features/surveys/public-survey-loader";
import { parseAcceptLanguage, pickLocale, respondentWords } from "./i18n";
import { escapeHtml, renderForm, respondentDocument } from "./page-html";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const nonce = request.headers.get("x-nonce") ?? "";
  const preferences = parseAcceptLanguage(request.headers.get("accept-language"));
  const survey = await loadPublicSurvey(slug);

  if (!survey) {
    // A survey link that leads nowhere: said kindly, in the visitor's language.
    const locale = pickLocale(preferences, ["en", "de"]);
    const words = respondentWords[locale];
    const main =
      `<main id="main" class="respondent" lang="${locale}"><div class="respondent-card">` +
      `<section class="respondent-outcome"><h1>${escapeHtml(words.notFoundTitle)}</h1>` +
      `<p>${escapeHtml(words.notFoundBody)}</p></section></div></main>`;
    return html(await respondentDocument({ title: "Survey", locale, nonce, main }), 404);
  }

  const locale = pickLocale(preferences, survey.languages);
  const title = surveyWording(survey, locale).title;
  if (survey.status === "CLOSED") {
    const words = respondentWords[locale];
    const main =
      `<main id="main" class="respondent" lang="${locale}"><div class="respondent-card">` +
      `<h1>${escapeHtml(title)}</h1><section class="respondent-outcome">` +
      `<h2>${escapeHtml(words.closedTitle)}</h2><p>${escapeHtml(words.closedBody)}</p>` +
      `</section></div></main>`;
    return html(await respondentDocument({ title, locale, nonce, main }));
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
  const form = { survey: forBrowser, initialLocale: locale };
  const main = await renderForm(form);
  return html(await respondentDocument({ title, locale, nonce, main, form }));
}
