// The wire shape of answers, for endpoints. Kept apart from answers.ts so that the public page,
// which uses the answer rules, does not ship zod to respondents.
import { z } from "zod";

export const ZAnswerValue = z.union([
  z.number().finite(),
  z.string().max(10_000),
  z.array(z.string().max(200)).max(50),
  z.null(),
]);
export const ZAnswerMap = z.record(z.string().max(64), ZAnswerValue);
