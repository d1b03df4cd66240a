import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/translatable";

// What the owning team may change on its catalog entry. An empty string clears a field. Messages are catalogue keys.

const optionalText = (max: number, messages: { notText: MessageKey; tooLong: MessageKey }) =>
  z
    .string(messages.notText)
    .trim()
    .max(max, messages.tooLong)
    .transform((value) => (value === "" ? null : value))
    .optional();

export const catalogEntryPatchSchema = z
  .strictObject({
    description: optionalText(2000, {
      notText: "validation.catalog.descriptionText",
      tooLong: "validation.catalog.descriptionTooLong",
    }),
    contact: optionalText(200, {
      notText: "validation.catalog.contactText",
      tooLong: "validation.catalog.contactTooLong",
    }),
    // Build the API from its OpenAPI document on the next provision instead of ANY /{proxy+}.
    buildFromOpenApi: z.boolean("validation.catalog.buildFromOpenApiBoolean").optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "validation.catalog.emptyPatch",
  });

export type CatalogEntryPatch = z.infer<typeof catalogEntryPatchSchema>;

export const backstageQuerySchema = z.strictObject({
  format: z.enum(["yaml", "json"], "validation.catalog.format").default("yaml"),
});
