"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import styles from "../accounts.module.css";
import layout from "@/components/page-layout.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { callApi } from "@/components/api-client";
import type { CheckStatus, Verification } from "@/lib/accounts/verification";

const statusLabels: Record<CheckStatus, string> = {
  passed: "✓ passed",
  missing: "✗ missing",
  inconclusive: "? inconclusive",
  not_checked: "– not checked",
};

export function VerificationPanel({ accountId, initial }: { accountId: string; initial: Verification | null }) {
  const router = useRouter();
  const verify = useMutation({
    mutationFn: () => callApi<Verification>(`/api/accounts/${accountId}/verify`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  const verification = verify.data ?? initial;
  const missing = verification?.checks.filter((check) => check.status === "missing").length ?? 0;
  return (
    <div aria-busy={verify.isPending}>
      <div className={layout.actions}>
        <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify now"}
        </button>
        <p role="status" className={fieldStyles.hint}>
          {verification
            ? `${verification.ok ? "Verified" : `${missing} missing`} · checked ${verification.checkedAt.slice(0, 19).replace("T", " ")} UTC in ${verification.region}`
            : "Not verified yet: create the role, then verify."}
        </p>
      </div>
      {verify.error ? (
        <p role="alert" className="alert">
          {verify.error.message}
        </p>
      ) : null}
      {verification ? (
        <ul className={layout.checklist} aria-label="Permission checklist">
          {verification.checks.map((check) => (
            <li key={check.action} className={`${layout.check} ${styles.check}`} data-status={check.status}>
              <span className={`${styles.status} ${styles[check.status]}`}>{statusLabels[check.status]}</span>
              <div>
                <p className="mono">{check.action}</p>
                <p className={fieldStyles.hint}>{check.detail}</p>
                {check.fix ? <p className={fieldStyles.error}>Fix: {check.fix}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
