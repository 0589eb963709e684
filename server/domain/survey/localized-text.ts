// Localised text: a string per language (English required, German optional), and the bounded,
// trimmed text field the other survey schemas build on.
import { z } from "zod";

/** A trimmed string of at most `max` characters. */
export const trimmedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep this under ${max} characters.` });

/** A string per language; English is required, German optional. */
export const ZLocalizedText = z.object({
  en: trimmedText(2000).min(1, { error: "Enter the English text." }),
  de: trimmedText(2000).optional(),
});
export type TLocalizedText = z.infer<typeof ZLocalizedText>;
