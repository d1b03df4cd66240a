import { z } from "zod";
import { tokenScopeSchema } from "./token-scopes";

// The create-token body; the same schema validates the settings form and POST /api/v1/tokens.

export const maxTokenLifetimeDays = 366;

export const createTokenSchema = z.strictObject({
  name: z
    .string("Give the token a name.")
    .trim()
    .min(1, "Give the token a name.")
    .max(64, "At most 64 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "Letters, digits, spaces and . _ - only, starting with a letter or digit."),
  scopes: z
    .array(tokenScopeSchema, "Choose at least one scope.")
    .min(1, "Choose at least one scope.")
    .max(20, "Too many scopes.")
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .number("Choose how many days the token lives.")
    .int("A whole number of days.")
    .min(1, "At least 1 day.")
    .max(maxTokenLifetimeDays, `At most ${maxTokenLifetimeDays} days.`),
});

export type CreateTokenInput = z.input<typeof createTokenSchema>;
export type CreateToken = z.output<typeof createTokenSchema>;
