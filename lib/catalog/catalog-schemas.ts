import { z } from "zod";

// What the owning team may change on its catalog entry. An empty string clears a field.

const optionalText = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .optional();

export const catalogEntryPatchSchema = z
  .strictObject({
    description: optionalText(2000, "Description"),
    contact: optionalText(200, "Contact"),
    // Build the API from its OpenAPI document on the next provision instead of ANY /{proxy+}.
    buildFromOpenApi: z.boolean("buildFromOpenApi must be true or false.").optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "Send description, contact, buildFromOpenApi or any of them.",
  });

export type CatalogEntryPatch = z.infer<typeof catalogEntryPatchSchema>;

export const backstageQuerySchema = z.strictObject({
  format: z.enum(["yaml", "json"], "format must be yaml or json.").default("yaml"),
});
