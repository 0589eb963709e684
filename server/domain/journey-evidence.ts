// Inputs of the journey evidence use cases (filling a map from a run and reading what changed
// between runs), shared by the map page and the server.
import { z } from "zod";
import { ZJourneyMapIdInput } from "./journey";

const ZRunId = z
  .string({ error: "Choose an analysis run." })
  .trim()
  .min(1, { error: "Choose an analysis run." })
  .max(64, { error: "That analysis run id is not valid." });

/** Refill a map from a run of its linked survey; the newest finished run when omitted. */
export const ZRefillJourneyInput = ZJourneyMapIdInput.extend({ runId: ZRunId.optional() });
export type TRefillJourneyInput = z.input<typeof ZRefillJourneyInput>;

/** What changed on a map up to the given run's fill (the newest fill when omitted). */
export const ZJourneyDriftInput = ZJourneyMapIdInput.extend({ runId: ZRunId.optional() });
export type TJourneyDriftInput = z.input<typeof ZJourneyDriftInput>;
