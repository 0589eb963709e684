// The drafted sections of a persona card in template order, for tests that read a card top to
// bottom (the analysis CLI on real data, the demo analysis service test).
import type { CardSection, PersonaCard } from "~/server/analysis/result";

export const cardSections = (card: PersonaCard): CardSection[] => [
  card.tagline,
  card.job,
  card.demographics,
  card.goals,
  card.challenges,
  card.values,
  card.fears,
  card.marketingMessage,
  card.elevatorPitch,
];
