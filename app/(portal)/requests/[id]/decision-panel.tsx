"use client";

import { useState } from "react";
import styles from "../requests.module.css";
import layout from "@/components/page-layout.module.css";
import { useRequestAction } from "./request-actions";
import { Section } from "./request-section";
import { ApiFailure } from "@/components/api-client";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import type { DecisionKind } from "@/lib/approvals/four-eyes";
import type { RequestDetails } from "@/lib/requests/request-details";

const titles: Record<DecisionKind, string> = {
  exposure: "Your decision",
  decommission: "Decommission: your decision",
  migration: "Migration to the V2 link: your decision",
  move: "Move to another hub: your decision",
};

/** The approver's decision on the exposure, its decommission or its migration, with the comment a rejection needs. */
export function DecisionPanel({ request, kind }: { request: RequestDetails; kind: DecisionKind }) {
  const [comment, setComment] = useState("");
  const [invalid, setInvalid] = useState<string | undefined>();
  const decide = useRequestAction(request.id, `approvals/${request.id}`);
  const send = (decision: "approved" | "rejected") => {
    const parsed = decisionSchema.safeParse({ kind, decision, comment: comment || undefined });
    setInvalid(parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join(" "));
    if (parsed.success) decide.mutate(parsed.data);
  };
  const error =
    invalid ??
    (decide.error instanceof ApiFailure
      ? (decide.error.fieldErrors.comment?.join(" ") ?? decide.error.message)
      : decide.error?.message);
  const blockers = request.plan?.checks.filter((check) => check.status === "blocker").length ?? 0;
  return (
    <Section title={titles[kind]}>
      {blockers > 0 ? <p className="alert">The plan had {blockers} blocker(s) when it was submitted.</p> : null}
      <label htmlFor="decision-comment">Comment (required to reject)</label>
      <textarea
        id="decision-comment"
        className={styles.comment}
        value={comment}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className={layout.actions}>
        <button type="button" className="button primary" disabled={decide.isPending} onClick={() => send("approved")}>
          Approve
        </button>
        <button
          type="button"
          className={`button ${styles.danger}`}
          disabled={decide.isPending}
          onClick={() => send("rejected")}
        >
          Reject
        </button>
      </div>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
