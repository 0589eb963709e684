// The journey map's fixed vocabularies and their labels: template keys, touchpoint layers and
// channels, effort, marketing objectives, suggestion decisions, and the limits of a map's size.
// The map's input schemas (journey.ts) and its editor's forms share them.

export const journeyTemplateKeys = ["generic", "carBuying", "theatre", "blank"] as const;
export type TJourneyTemplate = (typeof journeyTemplateKeys)[number];

export const touchpointLayers = ["CUSTOMER_ACTION", "FRONT_OF_HOUSE", "BACK_OF_HOUSE"] as const;
export type TTouchpointLayer = (typeof touchpointLayers)[number];
export const layerLabels: Record<TTouchpointLayer, string> = {
  CUSTOMER_ACTION: "Customer actions",
  FRONT_OF_HOUSE: "Front of house",
  BACK_OF_HOUSE: "Back of house",
};
export const layerHints: Record<TTouchpointLayer, string> = {
  CUSTOMER_ACTION: "What the customer does",
  FRONT_OF_HOUSE: "What the customer meets: website, showroom, newsletter, survey tool",
  BACK_OF_HOUSE: "Systems and processes behind: CRM, sales database, mailing tool",
};

export const touchpointChannels = [
  "WEB",
  "EMAIL",
  "PHONE",
  "IN_PERSON",
  "SOCIAL",
  "APP",
  "PRINT",
  "OTHER",
] as const;
export type TTouchpointChannel = (typeof touchpointChannels)[number];
export const channelLabels: Record<TTouchpointChannel, string> = {
  WEB: "Web",
  EMAIL: "Email",
  PHONE: "Phone",
  IN_PERSON: "In person",
  SOCIAL: "Social",
  APP: "App",
  PRINT: "Print",
  OTHER: "Other",
};

export const efforts = ["SMALL", "MEDIUM", "LARGE"] as const;
export type TEffort = (typeof efforts)[number];
export const effortLabels: Record<TEffort, string> = {
  SMALL: "Small",
  MEDIUM: "Medium",
  LARGE: "Large",
};

export const marketingObjectives = ["ACQUIRE", "CONVERT", "RETAIN", "REACTIVATE"] as const;
export type TMarketingObjective = (typeof marketingObjectives)[number];
export const objectiveLabels: Record<TMarketingObjective, string> = {
  ACQUIRE: "Acquire new customers",
  CONVERT: "Convert prospects",
  RETAIN: "Retain customers",
  REACTIVATE: "Reactivate lapsed customers",
};

export const suggestionDecisions = ["ACCEPTED", "DISMISSED"] as const;
export type TSuggestionDecision = (typeof suggestionDecisions)[number];

/** How much a map may hold: generous for real journeys, small enough to render and print. */
export const journeyLimits = {
  stages: 24,
  touchpointsPerStage: 60,
  kpisPerStage: 20,
  listItems: 30,
} as const;
