// The zod schemas for conditions on earlier answers (the builder, the API and stored
// definitions parse with them), beside the zod-free rules in condition-rules.ts, which this
// module re-exports so existing imports keep working. The single comparison is the shape stored
// before groups existed, so old definitions parse unchanged. Client code that only evaluates
// conditions (the respondent page) imports condition-rules.ts and ships no zod.
import { z } from "zod";
import {
  comparisonsOf,
  conditionDepth,
  conditionOperators,
  listOperators,
  maxConditionDepth,
  maxConditionLeaves,
  numberOperators,
  valuelessOperators,
  type TComparison,
  type TCondition,
} from "./condition-rules";

export * from "./condition-rules";

export const ZConditionValue = z.union([
  z.string().max(500),
  z.number().finite(),
  z.array(z.string().max(500)).min(1).max(50),
]);

/** One comparison with an earlier question's answer (the shape stored before groups existed). */
export const ZComparison = z
  .object({
    questionKey: z.string().min(1),
    operator: z.enum(conditionOperators),
    value: ZConditionValue.optional(),
  })
  .meta({
    id: "Comparison",
    description:
      "Compares an earlier question's answer. `value` is left out for notEmpty and empty, a " +
      "list for oneOf and allOf, a number for greaterThan, atLeast, lessThan and atMost.",
  })
  .superRefine((c, ctx) => {
    const needsValue = !valuelessOperators.has(c.operator);
    if (needsValue && c.value === undefined) {
      ctx.addIssue({ code: "custom", message: "Choose a value to compare with.", path: ["value"] });
    }
    // Older definitions may hold the number as text ("5"); it still compares as a number.
    const numeric =
      typeof c.value === "number" ||
      (typeof c.value === "string" && c.value.trim() !== "" && Number.isFinite(Number(c.value)));
    if (numberOperators.has(c.operator) && c.value !== undefined && !numeric) {
      ctx.addIssue({ code: "custom", message: "Compare with a number.", path: ["value"] });
    }
    if (listOperators.has(c.operator) && c.value !== undefined && !Array.isArray(c.value)) {
      ctx.addIssue({ code: "custom", message: "Choose at least one value.", path: ["value"] });
    }
  });

// The hand-written TComparison (kept zod-free for the respondent page) and the schema must agree;
// this stops compiling when either changes alone.
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const comparisonTypeAgrees: SameType<z.infer<typeof ZComparison>, TComparison> = true;
void comparisonTypeAgrees;

const ZConditionShape: z.ZodType<TCondition> = z
  .lazy(() =>
    z.union([
      ZComparison,
      z
        .object({ and: z.array(ZConditionShape).min(1).max(maxConditionLeaves) })
        .strict()
        .meta({ description: "Holds when every condition in the list holds." }),
      z
        .object({ or: z.array(ZConditionShape).min(1).max(maxConditionLeaves) })
        .strict()
        .meta({ description: "Holds when at least one condition in the list holds." }),
      z
        .object({ not: ZConditionShape })
        .strict()
        .meta({ description: "Holds when the condition inside does not." }),
    ]),
  )
  .meta({
    id: "Condition",
    description:
      `A condition on earlier answers: one comparison, or an and / or / not group of ` +
      `conditions, nested at most ${maxConditionDepth} levels and with at most ` +
      `${maxConditionLeaves} comparisons. A hidden question counts as unanswered.`,
  });

/** A condition, checked for depth and size as a whole. */
export const ZCondition = ZConditionShape.superRefine((condition, ctx) => {
  if (conditionDepth(condition) > maxConditionDepth) {
    ctx.addIssue({
      code: "custom",
      message: `Conditions can nest at most ${maxConditionDepth} levels deep.`,
    });
  }
  if (comparisonsOf(condition).length > maxConditionLeaves) {
    ctx.addIssue({
      code: "custom",
      message: `A condition can have at most ${maxConditionLeaves} comparisons.`,
    });
  }
});
