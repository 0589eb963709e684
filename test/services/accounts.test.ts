// Accounts on a real database: sign-up hashes passwords, emails are unique (and sign-up does not
// reveal which are taken), credentials are checked without revealing which part was wrong, and
// failed sign-ins are rate-limited without letting anyone lock an account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { createCallerFactory } from "~/server/api/trpc";
import { attemptSignIn } from "~/server/features/accounts/sign-in";
import { createSignInLimiters } from "~/server/features/accounts/rate-limit";
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { buildAuthOptions } from "~/server/features/accounts/options";
import { resolveSessionUser } from "~/server/features/accounts/session-user";
import { signUp, verifyCredentials } from "~/server/features/accounts/accounts";
import { removeMember } from "~/server/features/workspaces/members";
import { addMember, makeUser, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

describe("sign up", () => {
  it("stores a bcrypt hash, never the password, and normalises the email", async () => {
    const account = await signUp(db, {
      name: "  Ada Lovelace ",
      email: "  Ada@Example.TEST ",
      password: "correct horse battery",
    });
    expect(account?.email).toBe("ada@example.test");
    expect(account?.name).toBe("Ada Lovelace");
    const row = await db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  it("answers a sign-up for a taken email exactly like a new one, and changes nothing", async () => {
    const caller = createCallerFactory(appRouter)({ db, user: null });
    const first = await caller.account.signUp({
      name: "First",
      email: "dup@example.test",
      password: "long enough pw",
    });
    const second = await caller.account.signUp({
      name: "Second",
      email: "DUP@example.test",
      password: "another long pw",
    });
    expect(second).toEqual(first);
    expect(await db.user.count({ where: { email: "dup@example.test" } })).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { email: "dup@example.test" } });
    expect(row.name).toBe("First");
    expect(
      await verifyCredentials(db, { email: "dup@example.test", password: "long enough pw" }),
    ).not.toBeNull();
    expect(
      await signUp(db, { name: "Third", email: "dup@example.test", password: "third pw 123" }),
    ).toBeNull();
  });

  it("limits sign-ups per client through the API", async () => {
    const caller = (clientAddress: string) =>
      createCallerFactory(appRouter)({ db, user: null, clientAddress });
    const attempt = (clientAddress: string, i: number) =>
      caller(clientAddress).account.signUp({
        name: "Burst",
        email: `burst.${clientAddress}.${i}@example.test`,
        password: "burst-password-1",
      });
    for (let i = 0; i < 10; i++) await attempt("203.0.113.50", i);
    await expect(attempt("203.0.113.50", 10)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(attempt("203.0.113.51", 0)).resolves.toBeDefined();
  });

  it("rejects short passwords and bad emails before touching the database", async () => {
    const before = await db.user.count();
    await expect(
      signUp(db, { name: "X", email: "not-an-email", password: "short" }),
    ).rejects.toThrow();
    expect(await db.user.count()).toBe(before);
  });
});

describe("credentials", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    await signUp(db, { name: "Grace", email: "grace@example.test", password: "hopper-compiler-1" });
    expect(
      await verifyCredentials(db, { email: "GRACE@example.test", password: "hopper-compiler-1" }),
    ).toMatchObject({ email: "grace@example.test", name: "Grace" });
    expect(
      await verifyCredentials(db, { email: "grace@example.test", password: "hopper-compiler-2" }),
    ).toBeNull();
    expect(
      await verifyCredentials(db, { email: "nobody@example.test", password: "whatever-pass" }),
    ).toBeNull();
    expect(await verifyCredentials(db, { email: 42, password: null })).toBeNull();
  });

  it("does not let a third party lock the owner out: another client signs in with the right password", async () => {
    await signUp(db, { name: "Linus", email: "linus@example.test", password: "right-password-1" });
    const pauses: number[] = [];
    const pause = (ms: number) => {
      pauses.push(ms);
      return Promise.resolve();
    };
    const limiters = createSignInLimiters(() => 1_000_000);
    const wrong = { email: "linus@example.test", password: "wrong-password-1", ip: "10.0.0.1" };
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(db, limiters, wrong, pause)).toBeNull();
    // The attacker's own client is refused for this account...
    await expect(attemptSignIn(db, limiters, wrong, pause)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringContaining("Try again in 15 minutes"),
    });
    // ...while the owner, elsewhere, gets in (after a short delay).
    const right = { ...wrong, password: "right-password-1", ip: "10.0.0.2" };
    expect(await attemptSignIn(db, limiters, right, pause)).toMatchObject({ name: "Linus" });
    expect(pauses.at(-1)).toBeGreaterThan(0);
    expect(pauses.at(-1)).toBeLessThanOrEqual(10_000);
  });

  it("refuses a client after five failures for one account until the window passes", async () => {
    await signUp(db, { name: "Ken", email: "ken@example.test", password: "right-password-2" });
    let now = 2_000_000;
    const limiters = createSignInLimiters(() => now);
    const pause = () => Promise.resolve();
    const wrong = { email: "ken@example.test", password: "wrong-password-2", ip: "10.0.0.3" };
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(db, limiters, wrong, pause)).toBeNull();
    const right = { ...wrong, password: "right-password-2" };
    await expect(attemptSignIn(db, limiters, right, pause)).rejects.toBeInstanceOf(DomainError);
    now += 15 * 60_000 + 1;
    expect(await attemptSignIn(db, limiters, right, pause)).toMatchObject({ name: "Ken" });
  });

  it("slows down credential stuffing against one account from many clients with growing delays", async () => {
    const pauses: number[] = [];
    const pause = (ms: number) => {
      pauses.push(ms);
      return Promise.resolve();
    };
    const limiters = createSignInLimiters(() => 3_000_000);
    for (let i = 0; i < 12; i++) {
      await attemptSignIn(
        db,
        limiters,
        { email: "target@example.test", password: `guess-number-${i}`, ip: `198.51.100.${i}` },
        pause,
      );
    }
    const delays = pauses.filter((ms) => ms > 0);
    expect(delays.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < delays.length; i++) {
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    }
    expect(delays.at(-1)).toBeGreaterThan(delays[0] ?? 0);
  });

  it("limits one IP trying many accounts", async () => {
    const limiters = createSignInLimiters(() => 5_000_000);
    const pause = () => Promise.resolve();
    for (let i = 0; i < 20; i++) {
      await attemptSignIn(
        db,
        limiters,
        { email: `spray${i}@example.test`, password: "guess-guess-1", ip: "192.0.2.7" },
        pause,
      );
    }
    await expect(
      attemptSignIn(
        db,
        limiters,
        { email: "fresh@example.test", password: "guess-guess-1", ip: "192.0.2.7" },
        pause,
      ),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("sessions", () => {
  const options = buildAuthOptions(() => Promise.resolve(db));
  const callbacks = options.callbacks as Required<NonNullable<typeof options.callbacks>>;

  /** What next-auth does on sign-in and on each later request: jwt, then session callbacks. */
  async function signInSession(email: string, password: string) {
    const account = await verifyCredentials(db, { email, password });
    if (!account) throw new Error("sign-in failed");
    const token = (await callbacks.jwt({
      token: { sub: account.id },
      user: { ...account, id: account.id },
      account: null,
    } as never)) as JWT;
    return { token, account };
  }
  async function userFor(token: JWT) {
    const session = await callbacks.session({
      session: { user: { name: "x", email: "x" }, expires: "" },
      token,
    } as never);
    return resolveSessionUser(db, session as Session);
  }

  it("ends on sign-out: the old cookie's token no longer counts", async () => {
    const { password, ...user } = await makeUser(db, "Session User");
    const { token } = await signInSession(user.email, password);
    expect(await userFor(token)).toMatchObject({ id: user.id });

    await options.events?.signOut?.({ token, session: null as never });
    expect(await userFor(token)).toBeNull();
    // A fresh sign-in works again.
    expect(await userFor((await signInSession(user.email, password)).token)).toMatchObject({
      id: user.id,
    });
  });

  it("ends when the person is removed from a workspace", async () => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db);
    const { user } = await addMember(db, workspace.id, "STRATEGIST", "Leaver");
    const { password, ...member } = user;
    const { token } = await signInSession(member.email, password);
    expect(await userFor(token)).not.toBeNull();
    await removeMember(
      db,
      { workspaceId: workspace.id, userId: owner.id, role: "OWNER" },
      member.id,
    );
    expect(await userFor(token)).toBeNull();
  });

  it("does not accept a token from before sessions were revocable", async () => {
    const { password, ...user } = await makeUser(db, "Old Cookie");
    expect(await verifyCredentials(db, { email: user.email, password })).not.toBeNull();
    expect(await userFor({ sub: user.id } as JWT)).toBeNull();
  });

  it("lasts 7 days idle and is refreshed at most daily", () => {
    expect(options.session?.maxAge).toBe(7 * 24 * 60 * 60);
    expect(options.session?.updateAge).toBe(24 * 60 * 60);
  });
});
