"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import styles from "../accounts.module.css";
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
      <div className={styles.actions}>
        <button type="button" className="button primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? "Verifying…" : "Verify now"}
        </button>
        <p role="status" className={styles.hint}>
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
        <ul className={styles.checklist} aria-label="Permission checklist">
          {verification.checks.map((check) => (
            <li key={check.action} className={styles.check} data-status={check.status}>
              <span className={`${styles.status} ${styles[check.status]}`}>{statusLabels[check.status]}</span>
              <div>
                <p className="mono">{check.action}</p>
                <p className={styles.hint}>{check.detail}</p>
                {check.fix ? <p className={styles.error}>Fix: {check.fix}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
