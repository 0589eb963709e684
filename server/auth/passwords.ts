// Password hashing. bcrypt (pure JS bcryptjs, no native build) with a cost that keeps a sign-in
// around a tenth of a second on our 2-core machines; tests may lower it through BCRYPT_COST.
import bcrypt from "bcryptjs";
import { ConcurrencyGate } from "./concurrency-gate";

const cost = (): number => {
  const fromEnv = Number(process.env.BCRYPT_COST);
  return Number.isInteger(fromEnv) && fromEnv >= 4 && fromEnv <= 15 ? fromEnv : 11;
};

// Two hashes at a time (each takes ~0.1 s of one core), at most 32 waiting; more are refused.
const gate = new ConcurrencyGate(2, 32);

export const hashPassword = (password: string): Promise<string> =>
  gate.run(() => bcrypt.hash(password, cost()));

export const verifyPassword = (password: string, hash: string): Promise<boolean> =>
  gate.run(() => bcrypt.compare(password, hash));

// A valid hash of a random string: comparing against it when the account does not exist keeps
// the response time the same, so sign-in does not reveal which emails have accounts.
export const decoyHash = "$2b$11$T.MO7yLSw.BNvw6ABCc7pOS.FZj9WmnR2JGYA0rv0yiDx6MyTybx.";
