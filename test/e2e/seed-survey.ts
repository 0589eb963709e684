// Seeding for the e2e tests, through the real services, into the app's database before its server
// starts (PGlite allows one process at a time): the database opener every seed goes through, the
// demo owner to act as, the respondent test's surveys and a finished demo analysis.
import { openDatabase, type Db } from "~/server/db/client";
import { runDemoAnalysis } from "~/server/features/demo/demo-analysis";
import { demoUsers } from "~/server/features/demo/seed";
import { resolveDatabaseTarget } from "~/server/db/target";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import type { MembershipView } from "~/server/features/workspaces/access";
import { createSurvey, publishSurvey, setSurveyStatus } from "~/server/features/surveys/surveys";

export const respondentQuestions: TQuestionDefinitionInput[] = [
  {
    key: "price_focus",
    type: "LIKERT",
    required: true,
    settings: { points: 5 },
    text: {
      en: "Getting the best price matters more to me than anything else.",
      de: "Der beste Preis ist mir wichtiger als alles andere.",
    },
  },
  {
    key: "main_channel",
    type: "SINGLE_CHOICE",
    required: true,
    randomizeOptions: true,
    text: {
      en: "Where did you do most of your research?",
      de: "Wo haben Sie hauptsächlich recherchiert?",
    },
    options: [
      { value: "online", label: { en: "Online", de: "Online" } },
      { value: "in_person", label: { en: "In person", de: "Vor Ort" } },
      { value: "friends", label: { en: "Friends and family", de: "Freunde und Familie" } },
    ],
  },
  {
    key: "research_emotion",
    type: "EMOTION",
    page: 1,
    required: true,
    text: { en: "How did you feel while researching?", de: "Wie haben Sie sich gefühlt?" },
  },
  {
    key: "research_pain",
    type: "PAIN",
    page: 1,
    required: true,
    text: { en: "How much trouble did researching cause you?", de: "Wie viel Ärger gab es?" },
  },
  {
    key: "research_thought",
    type: "LONG_TEXT",
    page: 1,
    text: { en: "What went through your mind?", de: "Was ging Ihnen durch den Kopf?" },
    help: { en: "A sentence or two is plenty.", de: "Ein, zwei Sätze genügen." },
  },
  {
    key: "showroom",
    type: "SINGLE_CHOICE",
    page: 2,
    required: true,
    text: { en: "Did you visit a showroom?", de: "Waren Sie in einem Autohaus?" },
    options: [
      { value: "yes", label: { en: "Yes", de: "Ja" } },
      { value: "no", label: { en: "No", de: "Nein" } },
    ],
  },
  {
    key: "showroom_rating",
    type: "RATING",
    page: 3,
    required: true,
    logic: { questionKey: "showroom", operator: "equals", value: "yes" },
    settings: { minLabel: { en: "Poor", de: "Schlecht" }, maxLabel: { en: "Great", de: "Super" } },
    text: { en: "How was the showroom visit?", de: "Wie war der Besuch im Autohaus?" },
  },
  {
    key: "age",
    type: "NUMBER",
    page: 4,
    settings: { min: 16, max: 100 },
    text: { en: "How old are you?", de: "Wie alt sind Sie?" },
  },
  {
    key: "features",
    type: "MULTIPLE_CHOICE",
    page: 4,
    text: { en: "What mattered in the end?", de: "Was war am Ende wichtig?" },
    options: [
      { value: "price", label: { en: "Price", de: "Preis" } },
      { value: "range", label: { en: "Range", de: "Reichweite" } },
      { value: "service", label: { en: "Service", de: "Service" } },
    ],
  },
  {
    key: "recommend",
    type: "RATING",
    page: 4,
    settings: { nps: true },
    text: {
      en: "How likely are you to recommend us to a friend?",
      de: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
    },
  },
];

/**
 * Opens the database the app is about to start on (from the same env), runs `seed` on it and
 * closes it again, also when seeding fails, so the server can take the database over.
 */
export async function withSeedDatabase<T>(
  env: NodeJS.ProcessEnv,
  seed: (prisma: Db) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(resolveDatabaseTarget(env));
  try {
    return await seed(db.prisma);
  } finally {
    await db.close();
  }
}

/** The demo owner's e-mail: the account e2e files sign in with to seed and to read exports. */
export const demoOwnerEmail = demoUsers.find((u) => u.role === "OWNER")?.email ?? "";

/** The demo owner acting in their own workspace, for seeding through the app's services. */
export async function demoOwnerActor(prisma: Db): Promise<MembershipView> {
  const owner = await prisma.user.findUniqueOrThrow({
    where: { email: demoOwnerEmail },
    include: { memberships: true },
  });
  const membership = owner.memberships.find((m) => m.role === "OWNER");
  if (!membership) throw new Error("The demo owner has no workspace to seed into.");
  return { workspaceId: membership.workspaceId, userId: owner.id, role: "OWNER" };
}

export interface SeededSurveys {
  openSlug: string;
  closedSlug: string;
}

export async function seedRespondentSurveys(env: NodeJS.ProcessEnv): Promise<SeededSurveys> {
  return withSeedDatabase(env, async (prisma) => {
    const actor = await demoOwnerActor(prisma);
    const open = await createSurvey(
      prisma,
      actor,
      {
        title: "Buying your car",
        description: "A few short pages about how you chose your car.",
        languages: ["en", "de"],
      },
      respondentQuestions,
    );
    await publishSurvey(prisma, actor, open.id);
    const closed = await createSurvey(
      prisma,
      actor,
      { title: "Last year's survey", languages: ["en", "de"] },
      respondentQuestions.slice(0, 2),
    );
    await publishSurvey(prisma, actor, closed.id);
    await setSurveyStatus(prisma, actor, closed.id, "CLOSED");
    return { openSlug: open.slug, closedSlug: closed.slug };
  });
}

const hasFinishedRun = async (prisma: Db) =>
  (await prisma.analysisRun.count({ where: { status: "SUCCEEDED" } })) > 0;

/**
 * The demo normally opens on a finished analysis; before the app starts, make sure of it by running
 * one through the service when `isDone` (by default: some run succeeded) finds none.
 */
export async function ensureDemoAnalysis(
  env: NodeJS.ProcessEnv,
  isDone: (prisma: Db) => Promise<boolean> = hasFinishedRun,
): Promise<void> {
  return withSeedDatabase(env, async (prisma) => {
    if (!(await isDone(prisma))) {
      const run = await runDemoAnalysis(prisma);
      if (run?.status !== "SUCCEEDED") throw new Error("The demo analysis did not finish.");
    }
  });
}
