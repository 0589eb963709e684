// Which journey stage a survey question speaks to, by id or by the stage's name. Plain code with
// no imports, so the pure analysis engine (server/analysis) can share it with the services.

const normalName = (name: string) => name.trim().toLocaleLowerCase("en");

/**
 * Which of a map's stages a survey question speaks to: its own stage when the question is tied
 * to a stage of this map; otherwise the map's stage of the same name (a survey built on the
 * template or on a copy of the map). Null when neither matches.
 */
export function stageForQuestion(
  mapStages: readonly { id: string; name: string }[],
  question: { stageId: string | null; stageName: string | null },
): string | null {
  if (!question.stageId) return null;
  if (mapStages.some((s) => s.id === question.stageId)) return question.stageId;
  if (!question.stageName) return null;
  const wanted = normalName(question.stageName);
  return mapStages.find((s) => normalName(s.name) === wanted)?.id ?? null;
}
