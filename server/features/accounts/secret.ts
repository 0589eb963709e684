// The session-signing secret: NEXTAUTH_SECRET when set, otherwise one generated on first start
// and kept (mode 600) in the data directory, so no configuration is needed and restarts keep
// everyone signed in.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "~/server/db/target";
import { config, type Env } from "~/server/infra/config";

let cached: string | undefined;

export function secretFile(env?: Env): string {
  return path.join(dataRoot(env), "nextauth-secret");
}

export function ensureAuthSecret(env?: Env): string {
  const fromEnv = config(env).nextAuthSecret;
  if (fromEnv) return fromEnv;
  const file = secretFile(env);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function getAuthSecret(): string {
  cached ??= ensureAuthSecret();
  return cached;
}
