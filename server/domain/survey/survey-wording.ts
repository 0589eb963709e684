// The survey's own title and description in the respondent's language: the German ones on the
// German page when the researcher wrote them, else the English (a German page with an English
// title reads better than an empty heading). Pure; used by the public page and the studio.
import type { TLocale } from "./definition";

export interface SurveyWordingSource {
  title: string;
  description: string;
  titleDe?: string;
  descriptionDe?: string;
}

export function surveyWording(
  survey: SurveyWordingSource,
  locale: TLocale,
): { title: string; description: string } {
  if (locale !== "de") return { title: survey.title, description: survey.description };
  return {
    title: survey.titleDe?.trim() || survey.title,
    description: survey.descriptionDe?.trim() || survey.description,
  };
}
