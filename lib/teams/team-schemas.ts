import { z } from "zod";

export const createTeamSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "validation.teams.slugFormat"),
  name: z.string().trim().min(1, "validation.teams.nameRequired").max(80, "validation.teams.nameMax"),
  kind: z.enum(["application", "platform"], { error: "validation.teams.kind" }).default("application"),
});
export type CreateTeam = z.infer<typeof createTeamSchema>;
