// Drafts a persona card from the evidence, for a strategist to edit, in the template's order:
// name and archetype title, job, demographics, goals and challenges, values and fears, marketing
// message, elevator pitch. Sentences are plain words without numbers ("Hunts for the best price
// far more than other customers."); each keeps the ids of the traits it rests on, so the page can
// open the numbers behind it. Nothing is invented: goals, challenges, values and fears come only
// from questions tagged with that meaning, and a field with no such question says what to ask in
// the next survey. Names are neutral first names drawn by seed (no mood words that could
// contradict the data); quotes are real open answers of typical members, varied, never blanks.
// The fixed copy and names live in persona-card-copy.ts, quote picking in persona-quotes.ts.
import {
  ASK_NEXT_TIME,
  avatarSeed,
  DRAFT_NOTE,
  INSUFFICIENT_EVIDENCE,
  NAME_NOTE,
  personaName,
  ROLE_NOUN,
  type CardRole,
} from "./persona-card-copy";
import {
  defaultTitle,
  researcherTitle,
  traitClaim,
  traitClause,
  withArticle,
} from "./persona-phrasing";
import { quotesFor } from "./persona-quotes";
import { byStrength } from "./profile";
import type { CardSection, CardSentence, PersonaCard, Trait } from "./result";
import type { QuestionDefinition, SurveyResponse } from "./survey";

/** Job-like demographic questions, by id or label. */
const JOB_PATTERN = /\b(job|occupation|profession|role|position|title|industry|employ\w*|work)/i;

const SENTENCES_PER_SECTION = 3;

export interface CardInput {
  persona: number;
  /** Members and all clustered respondents, for the size of the group in words. */
  size: number;
  clustered: number;
  traits: readonly Trait[];
  /** Strongest first, as profilePersonas returns them. */
  distinguishingTraitIds: readonly string[];
  questions: readonly QuestionDefinition[];
  /** Members closest to the centroid first, ambiguous members left out. */
  representatives: readonly SurveyResponse[];
  seed: number;
  quotesPerPersona?: number;
}

function sentence(text: string, traits: readonly Trait[]): CardSentence {
  return { text, traitIds: traits.map((t) => t.id) };
}

function section(sentences: CardSentence[], note: string | null = null): CardSection {
  return { sentences, note };
}

function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] as string}`;
}

/**
 * Strongest first; equal strengths (the two options of a yes/no question mirror each other, up
 * to rounding) put the option chosen more often first, which reads as what they do.
 */
function byStrengthPreferringHigher(a: Trait, b: Trait): number {
  if (Math.abs(a.strength - b.strength) > 1e-9) return b.strength - a.strength;
  const up = (t: Trait): number => (t.direction === "higher" ? 0 : 1);
  return up(a) - up(b) || byStrength(a, b);
}

/** The strongest trait per question: "more Male" and "less Female" are one finding. */
function onePerQuestion(traits: readonly Trait[]): Trait[] {
  const seen = new Set<string>();
  return [...traits].sort(byStrengthPreferringHigher).filter((t) => {
    if (seen.has(t.questionId)) return false;
    seen.add(t.questionId);
    return true;
  });
}

/** The most common option of a choice question (no claim of difference), or undefined. */
function commonestOption(traits: readonly Trait[]): Trait | undefined {
  return [...traits]
    .filter((t) => t.measure === "share")
    .sort((a, b) => b.personaValue - a.personaValue || (a.id < b.id ? -1 : 1))[0];
}

export function draftPersonaCard(input: CardInput): PersonaCard {
  const name = personaName(input.seed, input.persona);
  const questionById = new Map(input.questions.map((q) => [q.id, q]));
  const claim = (t: Trait) => sentence(traitClaim(t, questionById.get(t.questionId)), [t]);
  const clause = (t: Trait) => traitClause(t, questionById.get(t.questionId));

  const byId = new Map(input.traits.map((t) => [t.id, t]));
  const distinguishing = input.distinguishingTraitIds
    .map((id) => byId.get(id))
    .filter((t): t is Trait => t !== undefined);
  const thin = distinguishing.length === 0;
  const strongest = onePerQuestion(distinguishing);

  /**
   * Per question: its strongest distinguishing trait as a claim; otherwise its most common
   * answer, said to be shared with others. Used for who they are (job, demographics).
   */
  const describeQuestions = (questions: readonly QuestionDefinition[]): CardSentence[] =>
    questions
      .flatMap((q) => {
        const own = input.traits.filter((t) => t.questionId === q.id);
        const apart = strongest.find((t) => t.questionId === q.id);
        const common = commonestOption(own);
        // "Is retired less often" says little on its own: lead with what most of them are.
        if (apart && (apart.direction === "higher" || !common || common.id === apart.id)) {
          return [{ rank: strongest.indexOf(apart), s: claim(apart) }];
        }
        if (common) {
          const typical = { ...common, direction: "higher" as const };
          const line = apart
            ? sentence(`Most often ${clause(typical)}.`, [common])
            : sentence(`Most often ${clause(typical)}, much like other customers.`, [common]);
          const rank = apart ? strongest.indexOf(apart) : Infinity;
          return [{ rank, s: line }, ...(apart ? [{ rank: rank + 0.5, s: claim(apart) }] : [])];
        }
        const mean = own.find((t) => t.measure === "mean");
        return mean
          ? [
              {
                rank: Infinity,
                s: sentence(traitClaim({ ...mean, direction: "equal" }, q), [mean]),
              },
            ]
          : [];
      })
      .sort((a, b) => a.rank - b.rank)
      .slice(0, SENTENCES_PER_SECTION)
      .map((x) => x.s);

  const demographicQuestions = input.questions.filter(
    (q) => q.role === "DEMOGRAPHIC" && q.kind !== "text",
  );
  const jobQuestions = demographicQuestions.filter(
    (q) => JOB_PATTERN.test(q.id) || JOB_PATTERN.test(q.label),
  );
  const otherDemographics = demographicQuestions.filter((q) => !jobQuestions.includes(q));

  /** Goals, challenges, values and fears: only from questions tagged with that meaning. */
  const roleSection = (role: CardRole): CardSection => {
    const asked = input.questions.filter((q) => q.role === role && q.kind !== "text");
    if (asked.length === 0) return section([], ASK_NEXT_TIME[role]);
    // Challenges and fears lead with what weighs on them more ("struggles with"), not less.
    const own = strongest.filter((t) => t.role === role);
    const heavier = own.filter((t) => t.direction === "higher");
    const apart = (
      (role === "PAIN" || role === "FEAR") && heavier.length > 0 ? heavier : own
    ).slice(0, SENTENCES_PER_SECTION);
    if (apart.length > 0) return section(apart.map(claim));
    const typical = describeQuestions(asked);
    return section(
      typical,
      `No ${ROLE_NOUN[role]} answer sets this persona apart (no difference large enough to rule ` +
        `out chance); ${typical.length > 0 ? "shown are its most common answers, which it shares with others." : "there were no answers to show."}`,
    );
  };

  // Who they are is described by demographics; what they are like by everything else.
  const attitudes = strongest.filter((t) => t.role !== "DEMOGRAPHIC");
  const top = (attitudes.length > 0 ? attitudes : strongest).slice(0, SENTENCES_PER_SECTION);
  const headline = top[0];

  const titled = top.find((t) => researcherTitle(t, questionById.get(t.questionId)) !== null);
  const title = titled
    ? withArticle(researcherTitle(titled, questionById.get(titled.questionId)) as string)
    : headline
      ? defaultTitle(headline)
      : undefined;

  const marketing: CardSentence[] = [];
  const lead = top.slice(0, 2);
  if (lead.length > 0) {
    marketing.push(sentence(`Talk to someone who ${listing(lead.map(clause))}.`, lead));
  }
  const worry = strongest.find(
    (t) =>
      (t.role === "FEAR" || t.role === "PAIN") && t.direction === "higher" && !lead.includes(t),
  );
  if (worry) {
    marketing.push(
      sentence(`Take away what holds them back: this customer ${clause(worry)}.`, [worry]),
    );
  }
  const value = strongest.find((t) => t.role === "VALUE" && !lead.includes(t));
  if (value) {
    marketing.push(
      sentence(`Show that you share what matters to them: this customer ${clause(value)}.`, [
        value,
      ]),
    );
  }

  const share = input.clustered > 0 ? input.size / input.clustered : 0;
  const groupSize = share >= 0.35 ? "a large" : share >= 0.15 ? "a sizeable" : "a small";
  const pitch: CardSentence[] =
    top.length > 0
      ? [
          sentence(
            `${name} stands for ${groupSize} group of customers: someone who ${listing(top.map(clause))}.`,
            top,
          ),
        ]
      : [];

  const { quotes, note: quotesNote } = quotesFor(input);
  const job = describeQuestions(jobQuestions);
  const demographics = describeQuestions(otherDemographics);
  const thinSection = (): CardSection => section([], INSUFFICIENT_EVIDENCE);

  return {
    draft: true,
    draftNote: DRAFT_NOTE,
    name,
    nameNote: NAME_NOTE,
    ...(title ? { title } : {}),
    avatarSeed: avatarSeed(input.seed, input.persona, name),
    evidence: thin ? "thin" : "distinguishing",
    tagline: titled
      ? section([sentence(`${title}: someone who ${clause(titled)}.`, [titled])])
      : top.length > 0
        ? // A title made from labels would only repeat the sentence: say what they do instead.
          section([
            sentence(`Someone who ${listing(top.slice(0, 2).map(clause))}.`, top.slice(0, 2)),
          ])
        : thinSection(),
    job: jobQuestions.length > 0 ? section(job) : section([], ASK_NEXT_TIME.job),
    demographics:
      otherDemographics.length > 0
        ? section(demographics)
        : section([], ASK_NEXT_TIME.demographics),
    goals: roleSection("GOAL"),
    challenges: roleSection("PAIN"),
    values: roleSection("VALUE"),
    fears: roleSection("FEAR"),
    marketingMessage: thin ? thinSection() : section(marketing),
    elevatorPitch: thin ? thinSection() : section(pitch),
    quotes,
    quotesNote,
  };
}
