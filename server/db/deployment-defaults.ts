// Defaults that depend on what kind of installation this is. With DATABASE_URL the app is a real
// deployment: no demo accounts (their password is in the README) unless SEED_DEMO=true. On the
// embedded database it is someone trying it out: the demo is seeded, and the server listens on
// this machine only unless HOST says otherwise, so the demo accounts are not on the network.
import { config } from "~/server/infra/config";
import { type Env, resolveDatabaseTarget } from "./target";

const isRealDeployment = (env?: Env): boolean => resolveDatabaseTarget(env).kind === "postgres";

export function shouldSeedDemo(env?: Env): boolean {
  const flag = config(env).seedDemo;
  return isRealDeployment(env) ? flag === true : flag !== false;
}

/** Where the server listens (undefined: all interfaces) and a line saying why. */
export function listenHost(env?: Env): { host: string | undefined; note: string } {
  const { host } = config(env);
  if (host) return { host, note: `Listening on ${host} (HOST).` };
  if (isRealDeployment(env)) return { host: undefined, note: "Listening on all interfaces." };
  return {
    host: "127.0.0.1",
    note:
      "Listening on this machine only (127.0.0.1), because the embedded database carries the demo " +
      "accounts. Start with HOST=0.0.0.0 to open it to the network.",
  };
}
