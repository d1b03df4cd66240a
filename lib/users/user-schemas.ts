import { z } from "zod";

// What the people page sends: a role to grant, a user to disable or enable.

export const grantRoleSchema = z.object({
  teamId: z.string().min(1, { error: "validation.users.teamRequired" }),
  role: z.enum(["requester", "admin", "viewer"], { error: "validation.users.role" }),
});
export type GrantRole = z.infer<typeof grantRoleSchema>;

export const setUserDisabledSchema = z.object({
  disabled: z.boolean({ error: "validation.users.disabled" }),
});
