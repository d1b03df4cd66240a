import { z } from "zod";

// What the people page sends: a role to grant, a user to disable or enable.

export const grantRoleSchema = z.object({
  teamId: z.string().min(1, "Choose a team."),
  role: z.enum(["requester", "admin", "viewer"], { error: "Choose requester, admin or viewer." }),
});
export type GrantRole = z.infer<typeof grantRoleSchema>;

export const setUserDisabledSchema = z.object({
  disabled: z.boolean({ error: "Say true to disable the user, false to enable them." }),
});
