// Depth and size limits on a parsed SurveyJS (or definition) document, checked before anything
// walks it. The mapping recurses into panels, and JSON.stringify, zod and React all recurse too,
// so a file with thousands of panels inside panels would overflow the stack somewhere; this walk
// uses its own stack, measures the whole document once, and refuses with a message a person can
// act on (a DomainError, answered as 400 / BAD_REQUEST).
import { fail } from "~/server/domain/errors";

/** Deepest nesting of objects and lists; a panel inside a panel adds two (object, list). */
export const maxJsonDepth = 64;
/** Panels inside panels; far more than any real survey, far less than what hurts. */
export const maxPanelDepth = 20;
/** Values of any kind in the document (a 1 MB file of tiny values holds ~250,000). */
export const maxJsonValues = 250_000;
/** Pages, panels and questions together. */
export const maxSurveyElements = 5_000;

const format = (n: number) => n.toLocaleString("en-US");

interface Frame {
  value: unknown;
  depth: number;
  /** Panels this value sits in. */
  panels: number;
}

/**
 * Throws INVALID_INPUT when the document nests too deep or holds too much. `what` names the
 * document in the message ("This SurveyJS file", "This survey definition").
 */
export function checkDocumentShape(json: unknown, what = "This SurveyJS file"): void {
  const stack: Frame[] = [{ value: json, depth: 0, panels: 0 }];
  let values = 0;
  let elements = 0;
  while (stack.length > 0) {
    const { value, depth, panels } = stack.pop() as Frame;
    values += 1;
    if (depth > maxJsonDepth) {
      fail(
        "INVALID_INPUT",
        `${what} nests its contents more than ${maxJsonDepth} levels deep (lists inside lists, or objects inside objects); at most ${maxJsonDepth} can be read. Flatten the deepest parts and try again.`,
      );
    }
    if (values > maxJsonValues) {
      fail(
        "INVALID_INPUT",
        `${what} holds more than ${format(maxJsonValues)} values; split it into smaller surveys.`,
      );
    }
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1, panels });
      continue;
    }
    const record = value as Record<string, unknown>;
    const isPanel = typeof record.type === "string" && record.type.toLowerCase() === "panel";
    if (Array.isArray(record.elements) || Array.isArray(record.questions) || "type" in record) {
      elements += 1;
    }
    if (isPanel && panels + 1 > maxPanelDepth) {
      fail(
        "INVALID_INPUT",
        `${what} puts panels inside panels more than ${maxPanelDepth} levels deep; at most ${maxPanelDepth} levels can be imported. Move the innermost questions out of their panels and try again.`,
      );
    }
    if (elements > maxSurveyElements) {
      fail(
        "INVALID_INPUT",
        `${what} has more than ${format(maxSurveyElements)} pages, panels and questions; at most ${format(maxSurveyElements)} can be imported.`,
      );
    }
    for (const child of Object.values(record)) {
      stack.push({ value: child, depth: depth + 1, panels: panels + (isPanel ? 1 : 0) });
    }
  }
}
