import { z } from "zod";
import { tokenScopeSchema } from "./token-scopes";

// The create-token body; the same schema validates the settings form and POST /api/v1/tokens.

export const maxTokenLifetimeDays = 366;

export const createTokenSchema = z.strictObject({
  name: z
    .string("validation.tokens.nameRequired")
    .trim()
    .min(1, "validation.tokens.nameRequired")
    .max(64, "validation.tokens.nameMax")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "validation.tokens.nameFormat"),
  scopes: z
    .array(tokenScopeSchema, "validation.tokens.scopesRequired")
    .min(1, "validation.tokens.scopesRequired")
    .max(20, "validation.tokens.scopesMax")
    .transform((scopes) => [...new Set(scopes)]),
  expiresInDays: z
    .number("validation.tokens.lifetimeRequired")
    .int("validation.tokens.lifetimeWhole")
    .min(1, "validation.tokens.lifetimeMin")
    // The catalogue message names the same 366 days.
    .max(maxTokenLifetimeDays, "validation.tokens.lifetimeMax"),
});

export type CreateTokenInput = z.input<typeof createTokenSchema>;
export type CreateToken = z.output<typeof createTokenSchema>;
