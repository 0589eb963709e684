// Workspace procedures: the caller's workspaces, create, read, rename.
import { access, ZCreateWorkspaceInput, ZRenameWorkspaceInput } from "~/server/domain/workspace";
import {
  createWorkspace,
  getWorkspace,
  listWorkspaces,
  renameWorkspace,
} from "~/server/features/workspaces/workspaces";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "~/server/api/trpc";

export const workspaceRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listWorkspaces(ctx.db, ctx.user.id)),
  create: protectedProcedure
    .input(ZCreateWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace(ctx.db, ctx.user.id, input)),
  get: workspaceProcedure(access.anyMember).query(({ ctx }) =>
    getWorkspace(ctx.db, ctx.user.id, ctx.membership.workspaceId),
  ),
  rename: workspaceProcedure(access.owner)
    .input(ZRenameWorkspaceInput)
    .mutation(({ ctx, input }) => renameWorkspace(ctx.db, ctx.membership, input.name)),
});
