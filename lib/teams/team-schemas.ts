import { z } from "zod";

export const createTeamSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "2–40 lower-case letters, digits and dashes, starting with a letter or digit."),
  name: z.string().trim().min(1, "Give the team a name.").max(80, "At most 80 characters."),
  kind: z.enum(["application", "platform"], { error: "Choose application or platform." }).default("application"),
});
export type CreateTeam = z.infer<typeof createTeamSchema>;
