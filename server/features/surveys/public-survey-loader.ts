// The published survey behind a public link, for the respondent page (app/s/[slug]/route.ts). It
// opens the process database here, so the page reaches the survey through this one door.
import { getDb } from "~/server/db";
import { getPublicSurvey } from "./public-survey";

/** The survey a public slug opens, or null for a malformed or unknown slug. */
export async function loadPublicSurvey(slug: string) {
  return /^[A-Za-z0-9_-]{1,100}$/.test(slug) ? getPublicSurvey(await getDb(), slug) : null;
}
