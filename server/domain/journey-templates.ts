// Journey map templates: the full structure a new map starts with (stages with goals, actions,
// time frame, personnel and touchpoints in all three layers, and for the worked examples the
// strategy beneath the map). The services and the demo seed both build maps from these, through
// server/features/journeys/journey-rows.ts. Everything stays editable afterwards.
import {
  journeyTemplateKeys,
  type TContactStrategyInput,
  type TEnablersInput,
  type TEffort,
  type TJourneyTemplate,
  type TKpiInput,
  type TMarketingObjective,
  type TTouchpointChannel,
  type TTouchpointLayer,
} from "./journey";

export type { TJourneyTemplate } from "./journey";

export interface TouchpointTemplate {
  name: string;
  layer: TTouchpointLayer;
  channel: TTouchpointChannel;
  team?: string;
  effort?: TEffort;
  momentOfTruth?: boolean;
}

export interface StageTemplate {
  name: string;
  /** The German name, for German question text. */
  nameDe?: string;
  description: string;
  goals: readonly string[];
  customerActions: readonly string[];
  timeFrame: string;
  personnel: readonly string[];
  touchpoints: readonly TouchpointTemplate[];
  isFocus?: boolean;
  drivers?: readonly string[];
  barriers?: readonly string[];
  valueProposition?: readonly string[];
  contactStrategy?: TContactStrategyInput;
  kpis?: readonly TKpiInput[];
  enablers?: TEnablersInput;
}

export interface JourneyTemplate {
  label: string;
  summary: string;
  objective: TMarketingObjective | null;
  stages: readonly StageTemplate[];
}

const generic: JourneyTemplate = {
  label: "Generic journey",
  summary: "Six stages from first awareness to advocacy; a starting point for any product.",
  objective: null,
  stages: [
    {
      name: "Discovery",
      nameDe: "Entdecken",
      description: "Becomes aware of a need and of us.",
      goals: ["Notice an option worth a look"],
      customerActions: ["Notices a need", "Sees an ad or hears a recommendation"],
      timeFrame: "Days to weeks",
      personnel: ["Marketing"],
      touchpoints: [
        { name: "Hears about us from others", layer: "CUSTOMER_ACTION", channel: "IN_PERSON" },
        { name: "Advertising", layer: "FRONT_OF_HOUSE", channel: "SOCIAL", team: "Marketing" },
        { name: "Ad platform", layer: "BACK_OF_HOUSE", channel: "WEB", team: "Marketing" },
      ],
    },
    {
      name: "Research",
      nameDe: "Recherche",
      description: "Looks for information and opinions.",
      goals: ["Understand the options"],
      customerActions: ["Searches online", "Reads reviews"],
      timeFrame: "1-2 weeks",
      personnel: ["Marketing", "Content"],
      touchpoints: [
        { name: "Searches and reads reviews", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Website", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Digital" },
        { name: "Web analytics", layer: "BACK_OF_HOUSE", channel: "WEB", team: "Digital" },
      ],
    },
    {
      name: "Explore",
      nameDe: "Ausprobieren",
      description: "Tries, compares and asks questions.",
      goals: ["See how it fits"],
      customerActions: ["Compares offers", "Asks questions", "Tries it out"],
      timeFrame: "1-2 weeks",
      personnel: ["Sales", "Customer service"],
      touchpoints: [
        { name: "Asks a question", layer: "CUSTOMER_ACTION", channel: "EMAIL" },
        { name: "Customer service", layer: "FRONT_OF_HOUSE", channel: "PHONE", team: "Service" },
        { name: "Ticketing system", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Service" },
      ],
    },
    {
      name: "Choose",
      nameDe: "Entscheiden",
      description: "Narrows down and decides.",
      goals: ["Pick with confidence"],
      customerActions: ["Makes a shortlist", "Decides"],
      timeFrame: "Days",
      personnel: ["Sales"],
      touchpoints: [
        { name: "Compares the shortlist", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Offer or quote", layer: "FRONT_OF_HOUSE", channel: "EMAIL", team: "Sales" },
        { name: "CRM", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Sales" },
      ],
    },
    {
      name: "Purchase",
      nameDe: "Kauf",
      description: "Buys and pays.",
      goals: ["A smooth, fair purchase"],
      customerActions: ["Orders", "Pays"],
      timeFrame: "Minutes to days",
      personnel: ["Sales", "Finance"],
      touchpoints: [
        { name: "Orders and pays", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Checkout", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Digital" },
        { name: "Order and payment system", layer: "BACK_OF_HOUSE", channel: "OTHER" },
      ],
    },
    {
      name: "Advocate",
      nameDe: "Weiterempfehlen",
      description: "Uses it and tells others.",
      goals: ["Get value and share it"],
      customerActions: ["Uses the product", "Recommends or reviews"],
      timeFrame: "Months",
      personnel: ["Customer service", "Marketing"],
      touchpoints: [
        { name: "Writes a review", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Follow-up email", layer: "FRONT_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
        { name: "Mailing tool", layer: "BACK_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
      ],
    },
  ],
};

const carBuying: JourneyTemplate = {
  label: "Car buying",
  summary: "Discovery to post-purchase at a car dealer, with showroom, sales and service.",
  objective: "CONVERT",
  stages: [
    {
      name: "Discovery",
      nameDe: "Entdecken",
      description: "Realises a new car is needed; first ideas from ads, friends, reviews.",
      goals: ["Find cars that could fit", "Get a feel for what a new car costs"],
      customerActions: [
        "Notices the old car costs more and more",
        "Reads reviews and watches test videos",
        "Asks friends and family",
      ],
      timeFrame: "1-3 months",
      personnel: ["Marketing team", "Social media manager"],
      touchpoints: [
        { name: "Searches for car reviews", layer: "CUSTOMER_ACTION", channel: "WEB" },
        {
          name: "Asks friends who bought recently",
          layer: "CUSTOMER_ACTION",
          channel: "IN_PERSON",
        },
        { name: "Brand website", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Marketing" },
        { name: "Social media ads", layer: "FRONT_OF_HOUSE", channel: "SOCIAL", team: "Marketing" },
        {
          name: "Ad platform and web analytics",
          layer: "BACK_OF_HOUSE",
          channel: "WEB",
          team: "Marketing",
          effort: "SMALL",
        },
      ],
      drivers: ["The old car is getting unreliable", "A life change: new job, family, move"],
      barriers: ["Too many models to make sense of", "Unsure about electric or combustion"],
      valueProposition: ["Plain-language model guides", "Honest total cost of ownership"],
      contactStrategy: {
        rulesAndTriggers: ["Visited two or more model pages within 7 days"],
        channels: ["SOCIAL", "WEB"],
        offersAndContent: ["Model comparison guide", "Running-cost calculator"],
        businessCase: "Qualified leads at a lower cost than paid search.",
      },
      kpis: [{ name: "Qualified leads per month", target: 400, unit: "leads" }],
      enablers: {
        data: ["Web analytics by model page"],
        people: ["Content writer"],
        process: ["Leads reach sales within 24 hours"],
        technology: ["CRM with web lead capture"],
      },
    },
    {
      name: "Comparing",
      nameDe: "Vergleichen",
      description: "Compares models, prices and dealers online and in showrooms.",
      goals: ["A shortlist that fits budget and needs"],
      customerActions: [
        "Configures cars online",
        "Compares prices across dealers",
        "Visits a showroom",
      ],
      timeFrame: "2-6 weeks",
      personnel: ["Online sales team", "Showroom staff"],
      touchpoints: [
        { name: "Configures a car online", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Visits the showroom", layer: "CUSTOMER_ACTION", channel: "IN_PERSON" },
        { name: "Online configurator", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Digital" },
        { name: "Showroom", layer: "FRONT_OF_HOUSE", channel: "IN_PERSON", team: "Sales" },
        {
          name: "Price and stock database",
          layer: "BACK_OF_HOUSE",
          channel: "OTHER",
          team: "Sales operations",
          effort: "MEDIUM",
        },
      ],
      drivers: ["Wants a fair price", "Wants the right size and range"],
      barriers: ["Prices differ between dealers and online", "Configurator hides the real price"],
      valueProposition: ["One price online and in the showroom"],
      contactStrategy: {
        rulesAndTriggers: ["Saved a configuration but did not book a test drive"],
        channels: ["EMAIL"],
        offersAndContent: ["Saved configuration with stock nearby"],
        businessCase: "More configurations turn into test drives.",
      },
      kpis: [{ name: "Configurations saved to test drives", target: 15, unit: "%" }],
      enablers: {
        data: ["Live stock per dealer"],
        people: ["Online sales advisers"],
        process: ["Same price list for all channels"],
        technology: ["Configurator linked to stock"],
      },
    },
    {
      name: "Considering",
      nameDe: "Abwägen",
      description: "Test drives, financing offers, trade-in talks with sales staff.",
      goals: ["Confidence in one car and one deal"],
      customerActions: ["Takes a test drive", "Asks for a financing offer", "Values the trade-in"],
      timeFrame: "1-3 weeks",
      personnel: ["Salesperson", "Finance adviser", "Trade-in appraiser"],
      isFocus: true,
      touchpoints: [
        { name: "Takes a test drive", layer: "CUSTOMER_ACTION", channel: "IN_PERSON" },
        {
          name: "Test drive with a salesperson",
          layer: "FRONT_OF_HOUSE",
          channel: "IN_PERSON",
          team: "Sales",
          momentOfTruth: true,
        },
        { name: "Financing offer", layer: "FRONT_OF_HOUSE", channel: "EMAIL", team: "Finance" },
        {
          name: "Test drive booking system",
          layer: "BACK_OF_HOUSE",
          channel: "OTHER",
          team: "Sales operations",
          effort: "SMALL",
        },
        {
          name: "Credit check",
          layer: "BACK_OF_HOUSE",
          channel: "OTHER",
          team: "Finance",
          effort: "MEDIUM",
        },
      ],
      drivers: ["Wants to feel the car", "Needs a monthly rate that fits"],
      barriers: ["Pushy sales talk", "Financing terms hard to compare"],
      valueProposition: ["No-pressure test drives", "Financing explained on one page"],
      contactStrategy: {
        rulesAndTriggers: ["Test drive done, no offer requested within 3 days"],
        channels: ["PHONE", "EMAIL"],
        offersAndContent: ["Personal offer with trade-in value"],
        businessCase: "Each point of test-drive conversion is worth more than the calls cost.",
      },
      kpis: [{ name: "Test drives that lead to an offer", target: 50, unit: "%" }],
      enablers: {
        data: ["Test drive outcomes in the CRM"],
        people: ["Sales coaching"],
        process: ["Follow-up call within 2 days"],
        technology: ["Booking system linked to the CRM"],
      },
    },
    {
      name: "Purchase",
      nameDe: "Kauf",
      description: "Negotiates, signs, pays and takes delivery.",
      goals: ["A fair price without stress", "Drive the car home soon"],
      customerActions: ["Negotiates the price", "Signs the contract", "Takes delivery"],
      timeFrame: "1-8 weeks until delivery",
      personnel: ["Salesperson", "Sales manager", "Delivery team"],
      isFocus: true,
      touchpoints: [
        { name: "Signs the contract", layer: "CUSTOMER_ACTION", channel: "IN_PERSON" },
        {
          name: "Contract and handover",
          layer: "FRONT_OF_HOUSE",
          channel: "IN_PERSON",
          team: "Sales",
          momentOfTruth: true,
        },
        {
          name: "Delivery updates",
          layer: "FRONT_OF_HOUSE",
          channel: "EMAIL",
          team: "Delivery",
          effort: "SMALL",
        },
        {
          name: "Dealer management system",
          layer: "BACK_OF_HOUSE",
          channel: "OTHER",
          team: "Sales operations",
          effort: "LARGE",
        },
      ],
      drivers: ["Wants certainty about price and date"],
      barriers: ["Hidden fees at signing", "Long, unclear delivery times"],
      valueProposition: ["All costs on one page", "Delivery date tracked and shared"],
      contactStrategy: {
        rulesAndTriggers: ["Contract signed", "Delivery date changes"],
        channels: ["EMAIL", "PHONE"],
        offersAndContent: ["Delivery tracker", "Handover checklist"],
        businessCase: "Fewer cancelled orders and fewer calls to ask about delivery.",
      },
      kpis: [
        { name: "Cancelled orders", target: 3, unit: "%" },
        { name: "Delivery on the promised date", target: 90, unit: "%" },
      ],
      enablers: {
        data: ["Delivery dates from the factory"],
        people: ["Delivery coordinator"],
        process: ["Price agreed in writing before signing"],
        technology: ["Order tracking in the dealer management system"],
      },
    },
    {
      name: "Post-purchase",
      nameDe: "Nach dem Kauf",
      description: "Owns the car: service, support, recommending.",
      goals: ["A car and a dealer worth recommending"],
      customerActions: ["Books the first service", "Calls with questions", "Recommends the dealer"],
      timeFrame: "3 years and more",
      personnel: ["Service advisers", "Workshop", "Customer care"],
      touchpoints: [
        { name: "Books a service", layer: "CUSTOMER_ACTION", channel: "APP" },
        { name: "Service reminders", layer: "FRONT_OF_HOUSE", channel: "EMAIL", team: "Service" },
        {
          name: "Satisfaction survey",
          layer: "FRONT_OF_HOUSE",
          channel: "EMAIL",
          team: "Customer care",
        },
        { name: "Workshop planning", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Service" },
        { name: "CRM customer history", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Sales" },
      ],
      drivers: ["Wants trouble-free ownership"],
      barriers: ["Service slots weeks away", "Nobody follows up after the sale"],
      valueProposition: ["Service booked in two clicks", "A named contact after the sale"],
      contactStrategy: {
        rulesAndTriggers: ["30 days after delivery", "Service due"],
        channels: ["EMAIL", "APP"],
        offersAndContent: ["First-service reminder", "Referral reward"],
        businessCase: "Service revenue and referrals from owners who stay.",
      },
      kpis: [{ name: "Owners who would recommend us", target: 60, unit: "%" }],
      enablers: {
        data: ["Service history per car"],
        people: ["Customer care team"],
        process: ["Call after the first month"],
        technology: ["Service booking app"],
      },
    },
  ],
};

const theatre: JourneyTemplate = {
  label: "Theatre subscription",
  summary: "From joining the mailing list to the post-show survey, for a theatre's audiences.",
  objective: "CONVERT",
  stages: [
    {
      name: "Join the mailing list",
      nameDe: "Newsletter abonnieren",
      description: "Signs up for news from the theatre.",
      goals: ["Hear about shows worth seeing"],
      customerActions: ["Fills in the sign-up form", "Confirms the email address"],
      timeFrame: "Minutes",
      personnel: ["Marketing"],
      touchpoints: [
        { name: "Signs up", layer: "CUSTOMER_ACTION", channel: "WEB" },
        { name: "Website sign-up form", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Digital" },
        { name: "Mailing tool", layer: "BACK_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
      ],
    },
    {
      name: "Open newsletter",
      nameDe: "Newsletter öffnen",
      description: "Receives and opens the newsletter.",
      goals: ["See what is on, quickly"],
      customerActions: ["Opens the newsletter", "Skims the programme"],
      timeFrame: "Monthly",
      personnel: ["Marketing", "Programme team"],
      touchpoints: [
        { name: "Opens the newsletter", layer: "CUSTOMER_ACTION", channel: "EMAIL" },
        { name: "Newsletter", layer: "FRONT_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
        { name: "Mailing tool", layer: "BACK_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
      ],
    },
    {
      name: "Click",
      nameDe: "Klicken",
      description: "Follows a link to a show.",
      goals: ["Find out if the show is for them"],
      customerActions: ["Clicks a show", "Reads about it and checks dates"],
      timeFrame: "Minutes",
      personnel: ["Digital team"],
      touchpoints: [
        { name: "Clicks through to a show", layer: "CUSTOMER_ACTION", channel: "EMAIL" },
        { name: "Website show page", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Digital" },
        { name: "Mailing tool click tracking", layer: "BACK_OF_HOUSE", channel: "EMAIL" },
      ],
    },
    {
      name: "Buy tickets",
      nameDe: "Karten kaufen",
      description: "Chooses seats and pays.",
      goals: ["Good seats, easily"],
      customerActions: ["Chooses a date and seats", "Pays"],
      timeFrame: "Minutes",
      personnel: ["Box office", "Digital team"],
      isFocus: true,
      touchpoints: [
        { name: "Chooses seats and pays", layer: "CUSTOMER_ACTION", channel: "WEB" },
        {
          name: "Website ticket shop",
          layer: "FRONT_OF_HOUSE",
          channel: "WEB",
          team: "Box office",
          momentOfTruth: true,
        },
        { name: "Sales database", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Box office" },
      ],
      kpis: [{ name: "Newsletter clicks that become bookings", target: 5, unit: "%" }],
    },
    {
      name: "Post-show survey",
      nameDe: "Umfrage nach der Vorstellung",
      description: "Says how the evening was.",
      goals: ["Be heard"],
      customerActions: ["Answers the survey"],
      timeFrame: "1-3 days after the show",
      personnel: ["Audience research"],
      touchpoints: [
        { name: "Answers the survey", layer: "CUSTOMER_ACTION", channel: "EMAIL" },
        { name: "Survey tool", layer: "FRONT_OF_HOUSE", channel: "WEB", team: "Audience research" },
        { name: "Sales database", layer: "BACK_OF_HOUSE", channel: "OTHER", team: "Box office" },
        { name: "Mailing tool", layer: "BACK_OF_HOUSE", channel: "EMAIL", team: "Marketing" },
      ],
    },
  ],
};

const blank: JourneyTemplate = {
  label: "Blank map",
  summary: "No stages yet: add your own.",
  objective: null,
  stages: [],
};

export const journeyTemplates: Record<TJourneyTemplate, JourneyTemplate> = {
  generic,
  carBuying,
  theatre,
  blank,
};

/** One template as the pickers show it: what it is called, what it is for, and its stages. */
export interface JourneyTemplateChoice {
  key: TJourneyTemplate;
  label: string;
  summary: string;
  stages: string[];
}

/**
 * The one list both pickers read, in one order: the Journeys page offers every template, and the
 * New survey form the same ones minus those without stages (a journey survey asks about each
 * stage, so a blank map gives it nothing to ask).
 */
export function journeyTemplateChoices(purpose: "map" | "survey"): JourneyTemplateChoice[] {
  return journeyTemplateKeys
    .map((key) => ({
      key,
      label: journeyTemplates[key].label,
      summary: journeyTemplates[key].summary,
      stages: journeyTemplates[key].stages.map((s) => s.name),
    }))
    .filter((choice) => purpose === "map" || choice.stages.length > 0);
}
