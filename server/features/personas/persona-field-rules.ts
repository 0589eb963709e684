// The persona template a strategist edits: which fields there are, what each is called, which
// section of the generated card drafts it, and the input rules for an edit. Shared by forms and
// services. The generated card (server/analysis/result.ts) is never changed: a person-written
// value is stored beside it, and the draft text is derived from the card on demand.
import { z } from "zod";
import type { CardSection, PersonaCard } from "~/server/analysis/result";

export const personaFieldKeys = [
  "name",
  "summary",
  "job",
  "demographics",
  "goals",
  "challenges",
  "values",
  "fears",
  "marketingMessage",
  "elevatorPitch",
] as const;
export type TPersonaFieldKey = (typeof personaFieldKeys)[number];
export const ZPersonaFieldKey = z.enum(personaFieldKeys, {
  error: "Choose one of the persona template's fields.",
});

/** The card sections a field can be drafted from. */
type SectionKey = {
  [K in keyof PersonaCard]-?: PersonaCard[K] extends CardSection ? K : never;
}[keyof PersonaCard];

export interface PersonaFieldDefinition {
  key: TPersonaFieldKey;
  label: string;
  /** The template's group heading the field is shown under. */
  group: "Who" | "Goals and challenges" | "Values and fears" | "Messages";
  /** The card section that drafts it; null for the name. */
  section: SectionKey | null;
  maxLength: number;
  hint: string;
}

export const personaFields: readonly PersonaFieldDefinition[] = [
  {
    key: "name",
    label: "Name",
    group: "Who",
    section: null,
    maxLength: 80,
    hint: "A short, memorable name. The draft is a placeholder that says nothing about the people.",
  },
  {
    key: "summary",
    label: "One-line summary",
    group: "Who",
    section: "tagline",
    maxLength: 200,
    hint: "Shown on the gallery card under the name.",
  },
  {
    key: "job",
    label: "Job",
    group: "Who",
    section: "job",
    maxLength: 1000,
    hint: "What they do for a living, as far as the answers show.",
  },
  {
    key: "demographics",
    label: "Demographics",
    group: "Who",
    section: "demographics",
    maxLength: 1000,
    hint: "Age, place and household, with the numbers behind them.",
  },
  {
    key: "goals",
    label: "Goals",
    group: "Goals and challenges",
    section: "goals",
    maxLength: 2000,
    hint: "What they want to achieve, from the questions tagged Goal.",
  },
  {
    key: "challenges",
    label: "Challenges",
    group: "Goals and challenges",
    section: "challenges",
    maxLength: 2000,
    hint: "What stands in their way, from the questions tagged Pain point.",
  },
  {
    key: "values",
    label: "Values",
    group: "Values and fears",
    section: "values",
    maxLength: 2000,
    hint: "What matters to them, from the questions tagged Value.",
  },
  {
    key: "fears",
    label: "Fears",
    group: "Values and fears",
    section: "fears",
    maxLength: 2000,
    hint: "What worries them, from the questions tagged Fear.",
  },
  {
    key: "marketingMessage",
    label: "Marketing message",
    group: "Messages",
    section: "marketingMessage",
    maxLength: 2000,
    hint: "What to say to them, in their terms.",
  },
  {
    key: "elevatorPitch",
    label: "Elevator pitch",
    group: "Messages",
    section: "elevatorPitch",
    maxLength: 2000,
    hint: "The persona in two sentences, for someone who has never met it.",
  },
];

export function isPersonaFieldKey(value: string): value is TPersonaFieldKey {
  return (personaFieldKeys as readonly string[]).includes(value);
}

export function personaField(key: TPersonaFieldKey): PersonaFieldDefinition {
  const found = personaFields.find((f) => f.key === key);
  if (!found) throw new RangeError(`Unknown persona field ${key}.`);
  return found;
}

/** The generated text of a field: the card's name, or its section's sentences, one per line. */
export function draftFieldText(card: PersonaCard, key: TPersonaFieldKey): string {
  const def = personaField(key);
  if (def.section === null) return card.name;
  return card[def.section].sentences.map((s) => s.text).join("\n");
}

/** Why the draft is empty or thin (the card's note for the section), or null. */
export function draftFieldNote(card: PersonaCard, key: TPersonaFieldKey): string | null {
  const def = personaField(key);
  if (def.section === null) return card.nameNote;
  return card[def.section].note;
}

/** The trait ids the draft of a field was composed from (none for the name). */
export function draftFieldEvidence(card: PersonaCard, key: TPersonaFieldKey): string[] {
  const def = personaField(key);
  if (def.section === null) return [];
  return [...new Set(card[def.section].sentences.flatMap((s) => s.traitIds))];
}

export const ZEditPersonaFieldInput = z
  .object({
    personaId: z.string().min(1).max(64),
    field: ZPersonaFieldKey,
    value: z.string({ error: "Write the new text." }).trim(),
  })
  .superRefine((input, ctx) => {
    const def = personaFields.find((f) => f.key === input.field);
    if (!def) return;
    if (input.value.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${def.label} cannot be empty; use "Back to the draft" to drop your text.`,
      });
    }
    if (input.value.length > def.maxLength) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${def.label} can be at most ${def.maxLength} characters long.`,
      });
    }
  });
export type TEditPersonaFieldInput = z.infer<typeof ZEditPersonaFieldInput>;

export const ZPersonaFieldRef = z.object({
  personaId: z.string().min(1).max(64),
  field: ZPersonaFieldKey,
});
export type TPersonaFieldRef = z.infer<typeof ZPersonaFieldRef>;
