import { z } from "zod";

// An admin's decision as the approver's form and the server both check it: a comment is required to reject.

export const decisionSchema = z
  .object({
    kind: z.enum(["exposure", "decommission", "migration", "move"], {
      error: "Say whether the exposure, its decommission, its migration or its move is decided.",
    }),
    decision: z.enum(["approved", "rejected"], { error: "Approve or reject." }),
    comment: z
      .string()
      .trim()
      .max(2000, "A comment has at most 2000 characters.")
      .refine((text) => !/[<>]/.test(text), "Plain text only: no < or >.")
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.decision === "rejected" && !input.comment)
      context.addIssue({
        code: "custom",
        path: ["comment"],
        message: "Say why the request is rejected; the team sees this comment.",
      });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;
