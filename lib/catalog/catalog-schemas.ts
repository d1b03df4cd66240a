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
  })
  .refine((patch) => patch.description !== undefined || patch.contact !== undefined, {
    message: "Send description, contact or both.",
  });

export type CatalogEntryPatch = z.infer<typeof catalogEntryPatchSchema>;

export const backstageQuerySchema = z.strictObject({
  format: z.enum(["yaml", "json"], "format must be yaml or json.").default("yaml"),
});
