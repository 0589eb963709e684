// Per journey stage: does the survey measure emotion, pain and thoughts there? The builder
// shows this and warns where a stage has none, because those cells would stay empty.
import type { TQuestionDefinition } from "./definition";

export interface StageCoverage {
  stageId: string;
  stageName: string;
  emotion: number;
  pain: number;
  thought: number;
  missing: ("emotion" | "pain" | "thoughts")[];
}

export function stageCoverage(
  stages: { id: string; name: string }[],
  questions: Pick<TQuestionDefinition, "stageId" | "role">[],
): StageCoverage[] {
  return stages.map((stage) => {
    const here = questions.filter((q) => q.stageId === stage.id);
    const count = (role: TQuestionDefinition["role"]) => here.filter((q) => q.role === role).length;
    const emotion = count("EMOTION");
    const pain = count("PAIN");
    const thought = count("THOUGHT");
    const missing: StageCoverage["missing"] = [];
    if (emotion === 0) missing.push("emotion");
    if (pain === 0) missing.push("pain");
    if (thought === 0) missing.push("thoughts");
    return { stageId: stage.id, stageName: stage.name, emotion, pain, thought, missing };
  });
}
