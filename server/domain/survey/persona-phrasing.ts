// How a persona card talks about a question's answers, in the researcher's own words: a phrase
// and an archetype title per end of a scale or per option. Part of the survey definition
// (definition.ts re-exports it).
import { z } from "zod";
import { trimmedText } from "./localized-text";

/**
 * How a persona card talks about one end of a scale or one option, written by the researcher:
 * `phrase` is what such a person does, read after a name ("hunts for the best price"), `title`
 * a short archetype noun for the card's title ("Price Hunter"). Empty means "use the default
 * built from the question and option labels".
 */
export const ZPersonaPhrase = z.object({
  phrase: trimmedText(120).default(""),
  title: trimmedText(40).default(""),
});
export type TPersonaPhrase = z.infer<typeof ZPersonaPhrase>;

/** Scales use `high` and `low`; choice questions use `options` (keyed by option value). */
export const ZPersonaPhrasing = z
  .object({
    high: ZPersonaPhrase.optional(),
    low: ZPersonaPhrase.optional(),
    options: z.record(z.string(), ZPersonaPhrase).optional(),
  })
  .strict();
export type TPersonaPhrasing = z.infer<typeof ZPersonaPhrasing>;
