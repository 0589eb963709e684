// Reading a SurveyJS file's text: the size limit, a byte-order mark, and JSON errors as a
// message that says where to get the JSON. Shared by the app's import and the command line.
import { fail } from "~/server/domain/errors";
import { maxSurveyJsBytes } from "./limits";

export function parseSurveyJsText(text: string): unknown {
  if (Buffer.byteLength(text, "utf8") > maxSurveyJsBytes) {
    fail("INVALID_INPUT", "That SurveyJS file is larger than 1 MB; it cannot be imported.");
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(
      "INVALID_INPUT",
      `This is not valid JSON (${(error as Error).message}). Paste the survey JSON from SurveyJS Creator's "JSON Editor" tab.`,
    );
  }
}
