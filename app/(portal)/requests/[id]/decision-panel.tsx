"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import styles from "../requests.module.css";
import layout from "@/components/page-layout.module.css";
import { useRequestAction } from "./request-actions";
import { Section } from "./request-section";
import { ApiFailure } from "@/components/api-client";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import type { DecisionKind } from "@/lib/approvals/four-eyes";
import type { MessageKey } from "@/lib/i18n/translatable";
import type { RequestDetails } from "@/lib/requests/request-details";

/** The approver's decision on the exposure, its decommission or its migration, with the comment a rejection needs. */
export function DecisionPanel({ request, kind }: { request: RequestDetails; kind: DecisionKind }) {
  const t = useTranslations("requestView.decision");
  const words = useTranslations();
  // The schema's own messages are "validation." catalogue keys; zod's built-in ones are in the page's language.
  const message = (text: string) => (text.startsWith("validation.") ? words(text as MessageKey) : text);
  const [comment, setComment] = useState("");
  const [invalid, setInvalid] = useState<string | undefined>();
  const decide = useRequestAction(request.id, `approvals/${request.id}`);
  const send = (decision: "approved" | "rejected") => {
    const parsed = decisionSchema.safeParse({ kind, decision, comment: comment || undefined });
    setInvalid(parsed.success ? undefined : parsed.error.issues.map((issue) => message(issue.message)).join(" "));
    if (parsed.success) decide.mutate(parsed.data);
  };
  const error =
    invalid ??
    (decide.error instanceof ApiFailure
      ? (decide.error.fieldErrors.comment?.join(" ") ?? decide.error.message)
      : decide.error?.message);
  const blockers = request.plan?.checks.filter((check) => check.status === "blocker").length ?? 0;
  return (
    <Section title={t(`title.${kind}`)}>
      {blockers > 0 ? <p className="alert">{t("blockers", { count: blockers })}</p> : null}
      <label htmlFor="decision-comment">{t("comment")}</label>
      <textarea
        id="decision-comment"
        className={styles.comment}
        value={comment}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className={layout.actions}>
        <button type="button" className="button primary" disabled={decide.isPending} onClick={() => send("approved")}>
          {t("approve")}
        </button>
        <button
          type="button"
          className={`button ${styles.danger}`}
          disabled={decide.isPending}
          onClick={() => send("rejected")}
        >
          {t("reject")}
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
