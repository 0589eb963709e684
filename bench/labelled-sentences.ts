// Reads the UCI "Sentiment Labelled Sentences" files (Kotzias et al., KDD 2015, CC BY 4.0) from
// ../shared/data/sentiment-labelled-sentences: one `sentence<TAB>label` per line, label 1
// positive, 0 negative. Some IMDB lines carry Unicode NEL characters, so each line is split on its
// last tab and trimmed. The files are never copied into the project; callers skip by name when the
// folder is absent. SHARED_DATA_DIR, when set, names the data folder instead (a git worktree
// checked out elsewhere has no ../shared beside it).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const LABELLED_FILES = ["amazon_cells_labelled.txt", "imdb_labelled.txt"] as const;
export type LabelledFile = (typeof LABELLED_FILES)[number];

export interface LabelledSentence {
  text: string;
  positive: boolean;
}

export function labelledSentencesDir(repoRoot: string): string {
  const data = process.env.SHARED_DATA_DIR ?? join(repoRoot, "..", "shared", "data");
  return join(data, "sentiment-labelled-sentences");
}

export function labelledFilePath(repoRoot: string, file: LabelledFile): string {
  return join(labelledSentencesDir(repoRoot), file);
}

export function hasLabelledSentences(repoRoot: string): boolean {
  return LABELLED_FILES.every((f) => existsSync(labelledFilePath(repoRoot, f)));
}

export function parseLabelledSentences(content: string): LabelledSentence[] {
  return content
    .split(/\r?\n/)
    .map((line) => {
      const tab = line.lastIndexOf("\t");
      if (tab < 0) return null;
      const label = line.slice(tab + 1).trim();
      if (label !== "0" && label !== "1") return null;
      return {
        text: line
          .slice(0, tab)
          .replace(/\u0085/g, " ")
          .trim(),
        positive: label === "1",
      };
    })
    .filter((s): s is LabelledSentence => s !== null);
}

export function readLabelledSentences(repoRoot: string, file: LabelledFile): LabelledSentence[] {
  return parseLabelledSentences(readFileSync(labelledFilePath(repoRoot, file), "utf8"));
}
