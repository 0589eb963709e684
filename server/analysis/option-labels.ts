// Answer options as respondents read them. Questions from the survey builder carry their option
// labels (value -> label); traits and encoded columns are relabelled from them once, after
// profiling, so every surface (cards, trait tables, map axes, exports) shows "Self-employed"
// rather than the stored key "self_employed". Questions without labels (a bare CSV) fall back to
// a readable form of the key.
import type { Trait } from "./result";
import type { QuestionDefinition } from "./survey";

/** "in_person" -> "in person", "Don_t_know" -> "Don't know"; anything else stays as written. */
export function readableKey(key: string): string {
  if (!/^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$/.test(key)) return key;
  return key.replace(/n_t_/g, "n't_").replace(/_/g, " ");
}

/** The label of one option of a question, or a readable form of its key. */
export function optionLabel(
  question: Pick<QuestionDefinition, "optionLabels"> | undefined,
  key: string,
): string {
  const label = question?.optionLabels?.[key]?.trim();
  return label ? label : readableKey(key);
}

/** A trait's option as people read it (the stored label, else a readable key). */
export function traitOptionLabel(trait: Pick<Trait, "option" | "optionLabel">): string {
  return trait.optionLabel ?? readableKey(trait.option ?? "");
}

/** Traits with their option's label filled in and used in the trait's own label. */
export function labelTraits(
  traits: readonly Trait[],
  questions: readonly QuestionDefinition[],
): Trait[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return traits.map((t) => {
    if (t.option === undefined) return t;
    const label = optionLabel(byId.get(t.questionId), t.option);
    return { ...t, optionLabel: label, label: `${t.questionLabel}: ${label}` };
  });
}

/** Encoded columns (the respondent map's axis captions) labelled the same way. */
export function labelColumns<C extends { questionId: string; label: string; option?: string }>(
  columns: readonly C[],
  questions: readonly QuestionDefinition[],
): C[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return columns.map((c) => {
    const question = byId.get(c.questionId);
    if (c.option === undefined || !question) return { ...c };
    return { ...c, label: `${question.label}: ${optionLabel(question, c.option)}` };
  });
}
