// Workspace API keys: the key format and the inputs of the key settings, shared by the settings
// form and the server. A key is `pa_` followed by 43 URL-safe characters (32 random bytes).
import { z } from "zod";

export const API_KEY_PREFIX = "pa_";
/** How much of a key is kept in clear to tell keys apart in the list ("pa_Ab3dE9xQ"). */
export const API_KEY_SHOWN_CHARS = 11;
export const apiKeyPattern = /^pa_[A-Za-z0-9_-]{43}$/;

export const ZApiKeyName = z
  .string({ error: "Give the key a name." })
  .trim()
  .min(2, { error: "Key names need at least 2 characters." })
  .max(80, { error: "Key names can be at most 80 characters long." });

export const ZCreateApiKeyInput = z.object({ name: ZApiKeyName });
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZApiKeyIdInput = z.object({ keyId: z.string().trim().min(1).max(64) });
export type TApiKeyIdInput = z.infer<typeof ZApiKeyIdInput>;
