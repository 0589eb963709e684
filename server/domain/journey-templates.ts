// Journey map templates: the stages a new map starts with. The journey feature adds layers,
// touchpoints and the rest; surveys need the stages to tie questions to.
export interface StageTemplate {
  name: string;
  description: string;
  goal: string;
}

export const journeyTemplates = {
  generic: {
    label: "Generic journey",
    stages: [
      {
        name: "Discovery",
        description: "Becomes aware of a need and of us.",
        goal: "Notice an option worth a look",
      },
      {
        name: "Research",
        description: "Looks for information and opinions.",
        goal: "Understand the options",
      },
      {
        name: "Explore",
        description: "Tries, compares and asks questions.",
        goal: "See how it fits",
      },
      { name: "Choose", description: "Narrows down and decides.", goal: "Pick with confidence" },
      { name: "Purchase", description: "Buys and pays.", goal: "A smooth, fair purchase" },
      {
        name: "Advocate",
        description: "Uses it and tells others.",
        goal: "Get value and share it",
      },
    ],
  },
  carBuying: {
    label: "Car buying",
    stages: [
      {
        name: "Discovery",
        description: "Realises a new car is needed; first ideas from ads, friends, reviews.",
        goal: "Find cars that could fit",
      },
      {
        name: "Comparing",
        description: "Compares models, prices and dealers online and in showrooms.",
        goal: "A shortlist that fits budget and needs",
      },
      {
        name: "Considering",
        description: "Test drives, financing offers, trade-in talks with sales staff.",
        goal: "Confidence in one car and one deal",
      },
      {
        name: "Purchase",
        description: "Negotiates, signs, pays and takes delivery.",
        goal: "A fair price without stress",
      },
      {
        name: "Post-purchase",
        description: "Owns the car: service, support, recommending.",
        goal: "A car and a dealer worth recommending",
      },
    ],
  },
  blank: { label: "Blank map", stages: [] },
} as const satisfies Record<string, { label: string; stages: readonly StageTemplate[] }>;

export type TJourneyTemplate = keyof typeof journeyTemplates;
