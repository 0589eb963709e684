// The "journey survey" template: for every stage an emotion, a pain-severity and an open
// "what went through your mind" question, plus a small block of segmenting and demographic
// questions. Everything is editable afterwards.
import type { TQuestionDefinitionInput } from "./definition";

export interface TemplateStage {
  id: string;
  name: string;
  /** The stage's German name, used inside the German question text when given. */
  nameDe?: string;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40) || "stage";

const agreeLabels = {
  minLabel: { en: "Strongly disagree", de: "Stimme gar nicht zu" },
  maxLabel: { en: "Strongly agree", de: "Stimme voll zu" },
};

export function journeySurveyQuestions(stages: TemplateStage[]): TQuestionDefinitionInput[] {
  const segmenting: TQuestionDefinitionInput[] = [
    {
      key: "price_focus",
      type: "LIKERT",
      role: "SEGMENT",
      required: true,
      settings: { points: 5, ...agreeLabels },
      text: {
        en: "Getting the best price matters more to me than anything else.",
        de: "Der beste Preis ist mir wichtiger als alles andere.",
      },
      persona: {
        high: { phrase: "hunts for the best price", title: "Price Hunter" },
        low: { phrase: "pays more for the right car", title: "" },
      },
    },
    {
      key: "research_depth",
      type: "LIKERT",
      role: "SEGMENT",
      required: true,
      settings: { points: 5, ...agreeLabels },
      text: {
        en: "I research every detail before I decide.",
        de: "Ich recherchiere jedes Detail, bevor ich mich entscheide.",
      },
      persona: {
        high: { phrase: "researches every detail before deciding", title: "Thorough Researcher" },
        low: { phrase: "decides without much research", title: "Quick Decider" },
      },
    },
    {
      key: "advice_seeking",
      type: "LIKERT",
      role: "SEGMENT",
      required: true,
      settings: { points: 5, ...agreeLabels },
      text: {
        en: "I like personal advice from an expert.",
        de: "Ich schätze persönliche Beratung durch Fachleute.",
      },
      persona: {
        high: { phrase: "wants personal advice from an expert", title: "Advice Seeker" },
        low: { phrase: "prefers to decide without advice", title: "Independent Decider" },
      },
    },
    {
      key: "main_channel",
      type: "SINGLE_CHOICE",
      role: "SEGMENT",
      required: true,
      text: {
        en: "Where did you do most of your research?",
        de: "Wo haben Sie hauptsächlich recherchiert?",
      },
      options: [
        { value: "online", label: { en: "Online", de: "Online" } },
        { value: "in_person", label: { en: "In person", de: "Vor Ort" } },
        { value: "friends", label: { en: "Friends and family", de: "Freunde und Familie" } },
      ],
      persona: {
        options: {
          online: { phrase: "does most research online", title: "Online Researcher" },
          in_person: { phrase: "researches in person at the dealer", title: "Showroom Visitor" },
          friends: { phrase: "relies on friends and family", title: "Word-of-mouth Buyer" },
        },
      },
    },
  ];
  const perStage = stages.flatMap<TQuestionDefinitionInput>((stage, index) => {
    const key = `${slug(stage.name)}_${index + 1}`;
    const nameDe = stage.nameDe?.trim() || stage.name;
    return [
      {
        key: `${key}_emotion`,
        type: "EMOTION",
        role: "EMOTION",
        stageId: stage.id,
        page: index + 1,
        required: true,
        text: {
          en: `How did you feel during "${stage.name}"?`,
          de: `Wie haben Sie sich in der Phase „${nameDe}“ gefühlt?`,
        },
        persona: {
          high: { phrase: `enjoys “${stage.name}”`, title: "" },
          low: { phrase: `is unhappy during “${stage.name}”`, title: "" },
        },
      },
      {
        key: `${key}_pain`,
        type: "PAIN",
        role: "PAIN",
        stageId: stage.id,
        page: index + 1,
        required: true,
        text: {
          en: `How much trouble did "${stage.name}" cause you?`,
          de: `Wie viel Ärger hat Ihnen die Phase „${nameDe}“ bereitet?`,
        },
        persona: {
          high: { phrase: `struggles with “${stage.name}”`, title: "" },
          low: { phrase: `finds “${stage.name}” easy`, title: "" },
        },
      },
      {
        key: `${key}_thought`,
        type: "LONG_TEXT",
        role: "THOUGHT",
        stageId: stage.id,
        page: index + 1,
        text: {
          en: `What went through your mind during "${stage.name}"?`,
          de: `Was ging Ihnen in der Phase „${nameDe}“ durch den Kopf?`,
        },
      },
    ];
  });
  const lastPage = stages.length + 1;
  const demographics: TQuestionDefinitionInput[] = [
    {
      key: "age",
      type: "NUMBER",
      role: "DEMOGRAPHIC",
      page: lastPage,
      settings: { min: 16, max: 100 },
      text: { en: "How old are you?", de: "Wie alt sind Sie?" },
    },
    {
      key: "occupation",
      type: "SINGLE_CHOICE",
      role: "DEMOGRAPHIC",
      page: lastPage,
      text: { en: "What best describes your work?", de: "Was beschreibt Ihre Arbeit am besten?" },
      options: [
        { value: "employee", label: { en: "Employee", de: "Angestellt" } },
        { value: "self_employed", label: { en: "Self-employed", de: "Selbstständig" } },
        { value: "student", label: { en: "Student", de: "Studium" } },
        { value: "retired", label: { en: "Retired", de: "Ruhestand" } },
        { value: "other", label: { en: "Other", de: "Anderes" } },
      ],
      persona: {
        options: {
          employee: { phrase: "works as an employee", title: "" },
          self_employed: { phrase: "is self-employed", title: "" },
          student: { phrase: "is a student", title: "" },
          retired: { phrase: "is retired", title: "" },
        },
      },
    },
    {
      key: "hassle_free",
      type: "LIKERT",
      role: "VALUE",
      page: lastPage,
      settings: { points: 5, ...agreeLabels },
      text: {
        en: "A hassle-free purchase matters more to me than a lower price.",
        de: "Ein unkomplizierter Kauf ist mir wichtiger als ein niedrigerer Preis.",
      },
      persona: {
        high: { phrase: "values a hassle-free purchase", title: "Convenience Seeker" },
        low: { phrase: "puts price before convenience", title: "" },
      },
    },
    {
      key: "overpaying",
      type: "LIKERT",
      role: "FEAR",
      page: lastPage,
      settings: { points: 5, ...agreeLabels },
      text: {
        en: "I worry about paying too much or being misled.",
        de: "Ich habe Sorge, zu viel zu zahlen oder getäuscht zu werden.",
      },
      persona: {
        high: { phrase: "worries about paying too much", title: "" },
        low: { phrase: "trusts the deal on offer", title: "" },
      },
    },
    {
      key: "recommend",
      type: "RATING",
      role: "OTHER",
      page: lastPage,
      settings: {
        nps: true,
        minLabel: { en: "Not at all likely", de: "Gar nicht wahrscheinlich" },
        maxLabel: { en: "Extremely likely", de: "Äußerst wahrscheinlich" },
      },
      text: {
        en: "How likely are you to recommend us to a friend?",
        de: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
      },
    },
  ];
  return [...segmenting, ...perStage, ...demographics];
}
