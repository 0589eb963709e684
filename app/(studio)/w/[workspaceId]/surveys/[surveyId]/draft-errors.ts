// Validation of the builder's draft with the same schemas the server applies, and the server's
// refusal read into the same shape, keyed by question so errors show next to the right field.
import { ZSurveyMeta, ZSurveyQuestions } from "~/server/domain/survey/definition";
import { toPayload, type Draft } from "./builder-state";

/** Field errors: "meta.title", or per question uid a map from a path like "options.1.value". */
export interface DraftErrors {
  meta: Record<string, string[]>;
  questions: Record<string, Record<string, string[]>>;
  general: string[];
  count: number;
}

export const noErrors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };

function push(map: Record<string, string[]>, path: string, message: string) {
  (map[path] ??= []).push(message);
}

export function validateDraft(draft: Draft): DraftErrors {
  const payload = toPayload(draft);
  const errors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };
  const meta = ZSurveyMeta.safeParse(payload.meta);
  if (!meta.success) {
    for (const issue of meta.error.issues) push(errors.meta, issue.path.join("."), issue.message);
    errors.count += meta.error.issues.length;
  }
  const questions = ZSurveyQuestions.safeParse(payload.questions);
  if (!questions.success) {
    for (const issue of questions.error.issues) {
      const [index, ...rest] = issue.path;
      const uid = typeof index === "number" ? draft.questions[index]?.uid : undefined;
      if (uid) push((errors.questions[uid] ??= {}), rest.join("."), issue.message);
      else errors.general.push(issue.message);
    }
    errors.count += questions.error.issues.length;
  }
  return errors;
}

/**
 * The server's refusal in the same shape. Its field errors are keyed by the top-level input
 * path: "meta", "questions", "title", or a question's index ("3", or "questions.3.options").
 */
export function serverErrors(
  draft: Draft,
  message: string,
  fieldErrors: Record<string, string[] | undefined>,
): DraftErrors {
  const errors: DraftErrors = { meta: {}, questions: {}, general: [], count: 0 };
  for (const [path, messages] of Object.entries(fieldErrors)) {
    for (const text of messages ?? []) {
      const match = /^(?:questions\.)?(\d+)(?:\.(.+))?$/.exec(path);
      const uid = match ? draft.questions[Number(match[1])]?.uid : undefined;
      if (uid) push((errors.questions[uid] ??= {}), match?.[2] ?? "", text);
      else if (["title", "description", "languages", "journeyMapId"].includes(path)) {
        push(errors.meta, path, text);
      } else errors.general.push(text);
      errors.count += 1;
    }
  }
  if (errors.count === 0) errors.general.push(message);
  return errors;
}
