// The path and query rules of the studio's download routes (persona sets and cards, journey
// cells and maps), apart from the handlers so that the OpenAPI document can describe them
// without loading the handlers' renderer (headless Chromium) along with them.
import { z } from "zod";
import { exportDatasets } from "~/server/features/personas/persona-export";

const id = () => z.string().min(1).max(64);
const wholeNumber = "The persona number must be a whole number.";

export const ZRunParams = z.object({
  workspaceId: id().meta({ description: "The workspace's id." }),
  runId: id().meta({ description: "The analysis run's id." }),
});

export const ZPersonaParams = ZRunParams.extend({
  index: z.coerce
    .number({ error: wholeNumber })
    .int({ error: wholeNumber })
    .min(0, { error: wholeNumber })
    .meta({ description: "The persona's number in the run, from 0.", example: 0 }),
});

export const ZPersonaExportQuery = z.object({
  dataset: z
    .enum(exportDatasets, { error: 'dataset must be "personas", "traits" or "result".' })
    .default("personas"),
  format: z.enum(["csv", "json"], { error: 'format must be "csv" or "json".' }).default("csv"),
});

export const ZMapParams = z.object({
  workspaceId: id().meta({ description: "The workspace's id." }),
  mapId: id().meta({ description: "The journey map's id." }),
});

const ZRun = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "run must be a run id." });

export const ZJourneyExportQuery = z.object({
  format: z.enum(["csv", "json"], { error: 'format must be "csv" or "json".' }).default("csv"),
  run: ZRun.optional(),
});

export const ZJourneyRenderQuery = z.object({
  paper: z.enum(["a4", "letter"], { error: 'paper must be "a4" or "letter".' }).default("a4"),
  run: ZRun.optional(),
});

export const ZRenderJobParams = z.object({
  workspaceId: id().meta({ description: "The workspace's id." }),
  jobId: id().meta({ description: "The download job's id, from the Location of the request." }),
});
