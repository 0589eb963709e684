// tRPC setup: context (session + database), error shaping, and the three kinds of procedure:
// public, protected (signed in) and workspace (signed in + member with an allowed role).
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "~/server/db/client";
import type { Role } from "~/server/db/generated/enums";
import { DomainError } from "~/server/domain/errors";
import { containsNul, NUL_MESSAGE } from "~/server/domain/text";
import { ZWorkspaceId } from "~/server/domain/workspace";
import { requireMembership } from "~/server/features/workspaces/access";
import { describeFailure, toTRPCError } from "../infra/error-codes";

export interface SessionUserRef {
  id: string;
  email: string;
  name: string;
}

export interface Context {
  db: Db;
  user: SessionUserRef | null;
  /** The caller's address for per-client limits (server/infra/client-address.ts). */
  clientAddress?: string;
}

export interface ProcedureMeta {
  /** Set on workspace procedures; the authorisation test walks the router by it. */
  workspaceRoles?: readonly Role[];
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    isDev: false,
    errorFormatter({ shape, error }) {
      const { message, fieldErrors, domainCode } = describeFailure(error);
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: fieldErrors ?? null,
          domainCode: domainCode ?? null,
        },
      };
    },
  });

/**
 * Domain errors thrown by services become their mapped tRPC codes here, once for all; a zod
 * failure inside a service (input re-checked at the use case) is bad input, not a crash.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw toTRPCError(cause);
    if (cause instanceof ZodError && result.error.code === "INTERNAL_SERVER_ERROR") {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * PostgreSQL cannot store NUL; most text schemas refuse it (domain/text.ts), and this catches
 * every other string (e.g. survey titles) before it can reach the database as a 500.
 */
const refuseNul = t.middleware(async ({ getRawInput, next }) => {
  if (containsNul(await getRawInput())) {
    throw new TRPCError({ code: "BAD_REQUEST", message: NUL_MESSAGE });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseNul);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { user: ctx.user } });
});

/**
 * A procedure scoped to one workspace. Its input carries `workspaceId`; membership and role are
 * checked before any other input is parsed or any work is done.
 */
export function workspaceProcedure(roles: readonly Role[]) {
  return protectedProcedure
    .meta({ workspaceRoles: roles })
    .input(z.object({ workspaceId: ZWorkspaceId }))
    .use(async ({ ctx, input, next }) => {
      const membership = await requireMembership(ctx.db, ctx.user.id, input.workspaceId, roles);
      return next({ ctx: { membership } });
    });
}
