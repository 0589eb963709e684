// Input limits and schemas for SurveyJS interchange, shared by the forms and the server.
import { z } from "zod";

/** A SurveyJS file larger than this is refused before it is parsed. */
export const maxSurveyJsBytes = 1_000_000;

export const ZSurveyJsText = z
  .string()
  .min(2, { error: "Paste or choose a SurveyJS JSON file first." })
  .max(maxSurveyJsBytes, {
    error: "That SurveyJS file is larger than 1 MB; it cannot be imported.",
  });

export const ZSurveyJsPreviewInput = z.object({
  json: ZSurveyJsText,
  /** The map to tie questions to: null for none; left out to use the one the file names. */
  journeyMapId: z.string().min(1).nullable().optional(),
});
export type TSurveyJsPreviewInput = z.infer<typeof ZSurveyJsPreviewInput>;
