// Workspace, membership and invitation schemas and role rules, shared by forms and server.
import { z } from "zod";
import { zText } from "./text";

export const roles = ["OWNER", "RESEARCHER", "STRATEGIST"] as const;
export type TRole = (typeof roles)[number];
export const invitableRoles = ["RESEARCHER", "STRATEGIST", "OWNER"] as const;

export const roleLabels: Record<TRole, string> = {
  OWNER: "Owner",
  RESEARCHER: "Researcher",
  STRATEGIST: "Strategist",
};

export const roleDescriptions: Record<TRole, string> = {
  OWNER: "Manages members and settings, and can do everything researchers and strategists do.",
  RESEARCHER: "Builds and publishes surveys and runs analyses.",
  STRATEGIST: "Reviews personas and journey maps, comments, approves and exports.",
};

/** Who may do what; procedures name these sets instead of spelling out roles. */
export const access = {
  anyMember: ["OWNER", "RESEARCHER", "STRATEGIST"],
  research: ["OWNER", "RESEARCHER"],
  review: ["OWNER", "STRATEGIST"],
  owner: ["OWNER"],
} as const satisfies Record<string, readonly TRole[]>;

export const ZWorkspaceName = zText({ error: "Enter a workspace name." })
  .trim()
  .min(2, { error: "Workspace names need at least 2 characters." })
  .max(80, { error: "Workspace names can be at most 80 characters long." });

export const ZWorkspaceId = z.string().trim().min(1).max(64);

export const ZCreateWorkspaceInput = z.object({ name: ZWorkspaceName });
export type TCreateWorkspaceInput = z.infer<typeof ZCreateWorkspaceInput>;

export const ZRenameWorkspaceInput = z.object({ name: ZWorkspaceName });

export const ZRole = z.enum(roles, { error: "Choose a role: owner, researcher or strategist." });

export const ZCreateInvitationInput = z.object({
  role: z.enum(invitableRoles, { error: "Choose a role for the person you invite." }),
});
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

export const ZChangeRoleInput = z.object({ userId: z.string().min(1), role: ZRole });
export const ZRemoveMemberInput = z.object({ userId: z.string().min(1) });
export const ZInvitationIdInput = z.object({ invitationId: z.string().min(1) });
export const ZInvitationToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This invitation link is not valid." });
