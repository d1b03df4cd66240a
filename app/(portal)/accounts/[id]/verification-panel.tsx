"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import styles from "../accounts.module.css";
import layout from "@/components/page-layout.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { callApi } from "@/components/api-client";
import { TranslatedText } from "@/components/translated-text";
import type { Verification } from "@/lib/accounts/verification";

export function VerificationPanel({ accountId, initial }: { accountId: string; initial: Verification | null }) {
  const router = useRouter();
  const t = useTranslations("accounts.verification");
  const format = useFormatter();
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
          {verify.isPending ? t("verifying") : t("verify")}
        </button>
        <p role="status" className={fieldStyles.hint}>
          {verification
            ? t("checked", {
                result: verification.ok ? t("verified") : t("missing", { count: missing }),
                when: format.dateTime(new Date(verification.checkedAt), "second"),
                region: verification.region,
              })
            : t("notYet")}
        </p>
      </div>
      {verify.error ? (
        <p role="alert" className="alert">
          {verify.error.message}
        </p>
      ) : null}
      {verification ? (
        <ul className={layout.checklist} aria-label={t("checklist")}>
          {verification.checks.map((check) => (
            <li key={check.action} className={`${layout.check} ${styles.check}`} data-status={check.status}>
              <span className={`${styles.status} ${styles[check.status]}`}>{t(`statuses.${check.status}`)}</span>
              <div>
                <p className="mono">{check.action}</p>
                <p className={fieldStyles.hint}>
                  <TranslatedText message={check.detail} />
                </p>
                {check.fix ? (
                  <p className={fieldStyles.error}>
                    {t("fixLabel")} <TranslatedText message={check.fix} />
                  </p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
