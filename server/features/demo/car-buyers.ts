// Demo respondents for the car-buying journey survey: a pure, seeded generator (same seed and
// base date, same data) that plants four customer groups in the answers, so that the demo's
// analysis has real-looking structure to find. Every respondent comes with the group they were
// drawn from. Answers are keyed by the journey survey's question keys; the seed validates them
// with the survey's own answer check before storing anything.
import { createRng, deriveSeed, type Rng } from "~/server/analysis/rng";
import { journeyTemplates } from "~/server/domain/journey-templates";
import { journeySurveyQuestions } from "~/server/domain/survey/journey-survey-template";
import {
  carBuyerGroups,
  type Voice,
  type GroupProfile,
  leads,
  joiners,
  shortAnswers,
} from "./car-buyer-groups";

export { carBuyerGroups } from "./car-buyer-groups";

const stages = journeyTemplates.carBuying.stages.map((s) => s.name);
const stageCount = stages.length;

/** The journey survey's keys per car-buying stage, as the template names them. */
export const carBuyingStageKeys: {
  stage: string;
  emotion: string;
  pain: string;
  thought: string;
}[] = (() => {
  const questions = journeySurveyQuestions(stages.map((name, i) => ({ id: `stage-${i}`, name })));
  const keyOf = (stage: number, role: string) => {
    const q = questions.find((x) => x.stageId === `stage-${stage}` && x.role === role);
    if (!q) throw new Error(`The journey survey template has no ${role} question per stage.`);
    return q.key;
  };
  return stages.map((stage, i) => ({
    stage,
    emotion: keyOf(i, "EMOTION"),
    pain: keyOf(i, "PAIN"),
    thought: keyOf(i, "THOUGHT"),
  }));
})();

export interface CarBuyerRespondent {
  /** A UUID, like the ones respondents' browsers generate. */
  id: string;
  /** Index into carBuyerGroups of the planted group this respondent was drawn from. */
  group: number;
  status: "COMPLETE" | "PARTIAL";
  startedAt: Date;
  /** When the last answer was saved. */
  updatedAt: Date;
  completedAt: Date | null;
  /** Keyed by question key; skipped optional questions are absent. */
  answers: Record<string, number | string>;
}

export interface CarBuyerOptions {
  /** Seed of the generator; the same seed and base date give the same respondents. */
  seed: number;
  /** Respondents to generate (default 420). */
  count?: number;
  /** The generated responses fall in the `days` (default 42) before this date. */
  now: Date;
  days?: number;
  /** Share of respondents who stopped part-way (default 0.05). */
  partialShare?: number;
}

/** Rounded into [min, max]; never -0, which would not survive a round trip through the database. */
const roundInto = (x: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.round(x))) || 0;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

function weighted<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

/** A version 4 UUID from the seeded stream. */
function uuid(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => rng.uint32().toString(16).padStart(8, "0")).join("");
  const variant = "89ab"[parseInt(hex.charAt(16), 16) & 3] as string;
  const h = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Lower-cases the first letter after a lead-in, except where it must stay capitalised. */
function afterLead(sentence: string): string {
  return /^(I\b|I'|Northwind)/.test(sentence)
    ? sentence
    : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function thought(rng: Rng, voice: Voice): string {
  if (rng.next() < 0.06) return pick(rng, shortAnswers);
  const first = pick(rng, voice.cores);
  const parts = [rng.next() < 0.3 ? pick(rng, leads) + afterLead(first) : first];
  if (rng.next() < 0.2) {
    const second = pick(rng, voice.cores);
    if (second !== first) parts.push(pick(rng, joiners) + afterLead(second));
  }
  if (rng.next() < 0.55) parts.push(pick(rng, voice.tails));
  return parts.join(" ");
}

const likert = (rng: Rng, centre: number) => roundInto(rng.normal(centre, 0.5), 1, 5);

/** Group sizes summing to count exactly (largest remainder). */
function groupSizes(count: number): number[] {
  const raw = carBuyerGroups.map((g) => g.weight * count);
  const sizes = raw.map(Math.floor);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest);
  let left = count - sizes.reduce((s, n) => s + n, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    sizes[i] = (sizes[i] as number) + 1;
  }
  return sizes;
}

export function generateCarBuyers(options: CarBuyerOptions): CarBuyerRespondent[] {
  const rng = createRng(options.seed);
  const count = options.count ?? 420;
  const days = options.days ?? 42;
  const partialShare = options.partialShare ?? 0.05;
  const dayMs = 86_400_000;
  const today = Math.floor(options.now.getTime() / dayMs) * dayMs;

  // The closing value and fear answers draw from their own stream, so adding them left every
  // other answer of the demo as it was.
  const closingRng = createRng(deriveSeed(options.seed, 4242));
  const groups = rng.shuffle(groupSizes(count).flatMap((size, group) => Array(size).fill(group)));
  const respondents = groups.map((group: number): CarBuyerRespondent => {
    const profile = carBuyerGroups[group] as GroupProfile;
    const id = uuid(rng);
    const answers: Record<string, number | string> = {
      price_focus: likert(rng, profile.priceFocus),
      research_depth: likert(rng, profile.researchDepth),
      advice_seeking: likert(rng, profile.adviceSeeking),
      main_channel: weighted(rng, profile.channel),
    };
    // Some people stop part-way: after one to four stages, before the closing questions.
    const partial = rng.next() < partialShare;
    const stagesDone = partial ? 1 + rng.int(stageCount - 1) : stageCount;
    // A personal mood shifts all of one respondent's emotions a little the same way.
    const mood = rng.normal(0, 0.35);
    for (let s = 0; s < stagesDone; s++) {
      const keys = carBuyingStageKeys[s] as (typeof carBuyingStageKeys)[number];
      const emotion = (profile.emotion[s] as number) + mood;
      answers[keys.emotion] = roundInto(rng.normal(emotion, 0.7), -2, 2);
      answers[keys.pain] = roundInto(rng.normal(profile.pain[s] as number, 0.7), 0, 4);
      if (rng.next() < profile.writes) {
        answers[keys.thought] = thought(rng, profile.voice[s] as Voice);
      }
    }
    if (!partial) {
      if (rng.next() < 0.95) {
        answers.age = roundInto(rng.normal(profile.age.mean, profile.age.sd), 18, 85);
      }
      if (rng.next() < 0.96) answers.occupation = weighted(rng, profile.occupation);
      if (rng.next() < 0.97) {
        const nps = rng.normal(profile.recommend.mean, profile.recommend.sd);
        answers.recommend = roundInto(nps, 0, 10);
      }
      if (closingRng.next() < 0.95)
        answers.hassle_free = likert(closingRng, profile.hassleFreeValue);
      if (closingRng.next() < 0.95)
        answers.overpaying = likert(closingRng, profile.overpayingWorry);
    }

    // Started on one of the days before today (UTC), more often in the evening than at night.
    const day = 1 + rng.int(days);
    const hour = pick(rng, [8, 9, 11, 12, 13, 17, 18, 19, 19, 20, 20, 21, 21, 22]);
    const startedAt = new Date(today - day * dayMs + hour * 3_600_000 + rng.int(3600) * 1000);
    const full = Math.max(2, rng.normal(profile.minutes.mean, profile.minutes.sd));
    const took = partial ? (full * stagesDone) / (stageCount + 1) : full;
    const lastSave = new Date(startedAt.getTime() + Math.round(took * 60) * 1000);
    return {
      id,
      group,
      status: partial ? "PARTIAL" : "COMPLETE",
      startedAt,
      updatedAt: lastSave,
      completedAt: partial ? null : lastSave,
      answers,
    };
  });
  return respondents.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}
