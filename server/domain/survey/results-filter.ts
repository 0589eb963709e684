// Which respondents a results summary covers: a version, a date range (when they started), a
// status, a journey stage (which questions are shown) and one answer ("only people who chose X").
// Shared by the results page, the tRPC procedure and the service.
import { z } from "zod";

export const ZResultsFilter = z.object({
  versionNumber: z.number().int().positive().optional(),
  status: z.enum(["PARTIAL", "COMPLETE"]).optional(),
  /** Started on or after this day (UTC, yyyy-mm-dd). */
  from: z.iso.date().optional(),
  /** Started on or before this day (UTC, inclusive). */
  to: z.iso.date().optional(),
  stageId: z.string().min(1).max(100).optional(),
  answer: z
    .object({ questionKey: z.string().min(1).max(64), value: z.string().min(1).max(100) })
    .optional(),
});
export type TResultsFilter = z.infer<typeof ZResultsFilter>;
