import { z } from "zod";

// An admin's decision as the approver's form and the server both check it: a comment is required to reject.

export const decisionSchema = z
  .object({
    kind: z.enum(["exposure", "decommission", "migration", "move"], {
      error: "validation.approvals.kindRequired",
    }),
    decision: z.enum(["approved", "rejected"], { error: "validation.approvals.decisionRequired" }),
    comment: z
      .string()
      .trim()
      .max(2000, "validation.approvals.commentTooLong")
      .refine((text) => !/[<>]/.test(text), "validation.approvals.plainTextOnly")
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.decision === "rejected" && !input.comment)
      context.addIssue({
        code: "custom",
        path: ["comment"],
        message: "validation.approvals.commentRequired",
      });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;
