// Invitation procedures: owners create, list and revoke links; anyone previews a link; a
// signed-in person accepts it.
import { z } from "zod";
import {
  access,
  ZCreateInvitationInput,
  ZInvitationIdInput,
  ZInvitationToken,
} from "~/server/domain/workspace";
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from "~/server/features/workspaces/invitations";
import {
  createTRPCRouter,
  protectedProcedure,
  publicProcedure,
  workspaceProcedure,
} from "~/server/api/trpc";

const ZTokenInput = z.object({ token: ZInvitationToken });

export const invitationRouter = createTRPCRouter({
  create: workspaceProcedure(access.owner)
    .input(ZCreateInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.db, ctx.membership, input)),
  listPending: workspaceProcedure(access.owner).query(({ ctx }) =>
    listPendingInvitations(ctx.db, ctx.membership),
  ),
  revoke: workspaceProcedure(access.owner)
    .input(ZInvitationIdInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.membership, input.invitationId)),
  preview: publicProcedure
    .input(ZTokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: protectedProcedure
    .input(ZTokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.user.id, input.token)),
});
