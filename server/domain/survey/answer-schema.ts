// The wire shape of answers, for endpoints. Kept apart from answers.ts so that the public page,
// which uses the answer rules, does not ship zod to respondents.
import { z } from "zod";
import { zText } from "~/server/domain/text";

export const ZAnswerValue = z.union([
  z.number().finite(),
  zText().max(10_000),
  z.array(zText().max(200)).max(50),
  // A matrix: rowKey -> scale point.
  z.record(zText().max(40), z.number().finite()),
  z.null(),
]);
export const ZAnswerMap = z.record(zText().max(64), ZAnswerValue);
