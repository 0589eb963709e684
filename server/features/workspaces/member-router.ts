// Member procedures: everyone in a workspace sees who is in it; owners change roles and remove.
import { access, ZChangeRoleInput, ZRemoveMemberInput } from "~/server/domain/workspace";
import { changeRole, listMembers, removeMember } from "~/server/features/workspaces/members";
import { createTRPCRouter, workspaceProcedure } from "~/server/api/trpc";

export const memberRouter = createTRPCRouter({
  list: workspaceProcedure(access.anyMember).query(({ ctx }) =>
    listMembers(ctx.db, ctx.membership),
  ),
  changeRole: workspaceProcedure(access.owner)
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.db, ctx.membership, input.userId, input.role)),
  remove: workspaceProcedure(access.owner)
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.membership, input.userId)),
});
