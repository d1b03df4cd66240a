"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import styles from "./access.module.css";
import { callApi } from "@/components/api-client";
import type { AccessGrantView } from "@/lib/access/list-access-grants";

// Grants as either side sees them: the owning team decides on requests (never the asker's own) and sees who consumes
// since when and until when; the consumer sees the invoke URL through its endpoint and a curl to copy. Either side
// revokes. `url` is the list to show: one exposure's grants, or the caller's teams' grants.

type Action = "approved" | "rejected" | "revoke";
type Act = { pending: boolean; run: (input: { grantId: string; action: Action }) => void };

export function AccessGrants({ url, title }: { url: string; title: string }) {
  const t = useTranslations("access.grants");
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ["access-grants", url],
    queryFn: () => callApi<AccessGrantView[]>(url),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["access-grants"] });
  const act = useMutation({
    mutationFn: (input: { grantId: string; action: Action }) =>
      input.action === "revoke"
        ? callApi(`/api/access/${input.grantId}/revoke`, { method: "POST" })
        : callApi(`/api/access/${input.grantId}/decision`, { method: "POST", body: { decision: input.action } }),
    onSettled: refresh,
  });

  return (
    <section aria-labelledby="access-grants-title">
      <h2 id="access-grants-title">{title}</h2>
      {error ? <p className="alert">{error.message}</p> : null}
      {act.error ? (
        <p className="alert" role="alert">
          {act.error.message}
        </p>
      ) : null}
      {data?.length === 0 ? <p className={styles.muted}>{t("none")}</p> : null}
      <ul className={styles.grants}>
        {data?.map((grant) => (
          <GrantCard key={grant.id} grant={grant} act={{ pending: act.isPending, run: act.mutate }} />
        ))}
      </ul>
    </section>
  );
}

function GrantCard({ grant, act }: { grant: AccessGrantView; act: Act }) {
  const t = useTranslations("access.grants");
  const status = useTranslations("status");
  const format = useFormatter();
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "day") : "—");
  const mono = (chunks: ReactNode) => <span className="mono">{chunks}</span>;
  const waitsFor = grant.stillNeeded
    .map((need) => (need === "owner" ? t("needsOwner") : t("needsAdmin")))
    .join(t("listSeparator"));
  const where = t.rich("endpoint", {
    alias: grant.account.alias,
    accountId: grant.account.accountId,
    endpoint: grant.vpcEndpointId,
    vpc: grant.vpcId,
    dns: grant.privateDnsEnabled ? "on" : "off",
    mono,
  });
  const history = [
    t("asked", { who: grant.requestedBy, day: day(grant.requestedAt), justification: grant.justification }),
    t("since", { since: day(grant.approvedAt), until: grant.endsAt ? day(grant.endsAt) : t("untilRevoked") }),
    grant.closedAt ? t("closed", { who: grant.closedBy ?? t("someone"), day: day(grant.closedAt) }) : null,
  ];
  const actions: { action: Action; label: string }[] = [
    ...(grant.mayDecide
      ? [
          { action: "approved" as const, label: t("approve") },
          { action: "rejected" as const, label: t("reject") },
        ]
      : []),
    ...(grant.mayRevoke
      ? [{ action: "revoke" as const, label: grant.status === "pending" ? t("withdraw") : t("revoke") }]
      : []),
  ];
  return (
    <li className="card" aria-label={t("label", { consumer: grant.consumerTeam, api: grant.apiName })}>
      <p>
        <strong>{grant.consumerTeam}</strong> → <strong>{grant.apiName}</strong> ({grant.owningTeam}):{" "}
        <span data-testid="grant-status">{status(grant.status)}</span>
        {waitsFor ? <> {t("waitsFor", { who: waitsFor })}</> : null}
      </p>
      <p className={styles.muted}>
        {where} {history.filter(Boolean).join(" ")}
      </p>
      {grant.invokeUrl && grant.curl ? (
        <>
          <p>{t("invokeUrl")}</p>
          <code className={`mono ${styles.snippet}`} data-testid="invoke-url">
            {grant.invokeUrl}
          </code>
          <p>
            {grant.authorization === "AWS_IAM"
              ? t("fromHostSigned", { vpc: grant.vpcId })
              : t("fromHost", { vpc: grant.vpcId })}
          </p>
          <code className={`mono ${styles.snippet}`}>{grant.curl}</code>
          <button type="button" className="button" onClick={() => void navigator.clipboard.writeText(grant.curl ?? "")}>
            {t("copyCurl")}
          </button>
        </>
      ) : null}
      <div className={styles.actions}>
        {actions.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className={action === "approved" ? "button primary" : "button"}
            disabled={act.pending}
            onClick={() => act.run({ grantId: grant.id, action })}
          >
            {label}
          </button>
        ))}
      </div>
    </li>
  );
}
