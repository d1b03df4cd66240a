"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import styles from "./access.module.css";
import { callApi } from "@/components/api-client";
import type { AccessGrantView } from "@/lib/access/list-access-grants";

// Grants as either side sees them: the owning team decides on requests (never the asker's own) and sees who consumes
// since when and until when; the consumer sees the invoke URL through its endpoint and a curl to copy. Either side
// revokes. `url` is the list to show: one exposure's grants, or the caller's teams' grants.

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function AccessGrants({ url, title }: { url: string; title: string }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ["access-grants", url],
    queryFn: () => callApi<AccessGrantView[]>(url),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["access-grants"] });
  const act = useMutation({
    mutationFn: (input: { grantId: string; action: "approved" | "rejected" | "revoke" }) =>
      input.action === "revoke"
        ? callApi(`/api/access/${input.grantId}/revoke`, { method: "POST" })
        : callApi(`/api/access/${input.grantId}/decision`, { method: "POST", body: { decision: input.action } }),
    onSettled: refresh,
  });
  const button = (grantId: string, action: "approved" | "rejected" | "revoke", label: string) => (
    <button
      type="button"
      className={action === "approved" ? "button primary" : "button"}
      disabled={act.isPending}
      onClick={() => act.mutate({ grantId, action })}
    >
      {label}
    </button>
  );

  return (
    <section aria-labelledby="access-grants-title">
      <h2 id="access-grants-title">{title}</h2>
      {error ? <p className="alert">{error.message}</p> : null}
      {act.error ? (
        <p className="alert" role="alert">
          {act.error.message}
        </p>
      ) : null}
      {data?.length === 0 ? <p className={styles.muted}>Nobody has asked for access yet.</p> : null}
      <ul className={styles.grants}>
        {data?.map((grant) => (
          <li key={grant.id} className="card" aria-label={`Access of ${grant.consumerTeam} to ${grant.apiName}`}>
            <p>
              <strong>{grant.consumerTeam}</strong> → <strong>{grant.apiName}</strong> ({grant.owningTeam}):{" "}
              <span data-testid="grant-status">{grant.status}</span>
              {grant.stillNeeded.length > 0 ? ` (waits for: ${grant.stillNeeded.join(", ")})` : null}
            </p>
            <p className={styles.muted}>
              {grant.account.alias} ({grant.account.accountId}), endpoint{" "}
              <span className="mono">{grant.vpcEndpointId}</span> in <span className="mono">{grant.vpcId}</span>,
              private DNS {grant.privateDnsEnabled ? "on" : "off"}. Asked by {grant.requestedBy} on{" "}
              {day(grant.requestedAt)}: “{grant.justification}”. Since {day(grant.approvedAt)}, until{" "}
              {grant.endsAt ? day(grant.endsAt) : "revoked"}.
              {grant.closedAt ? ` Closed by ${grant.closedBy ?? "?"} on ${day(grant.closedAt)}.` : null}
            </p>
            {grant.invokeUrl && grant.curl ? (
              <>
                <p>Invoke URL through your endpoint:</p>
                <code className={`mono ${styles.snippet}`} data-testid="invoke-url">
                  {grant.invokeUrl}
                </code>
                <p>
                  From a host in {grant.vpcId}
                  {grant.authorization === "AWS_IAM"
                    ? ", signed with the IAM credentials of a principal this grant names (SigV4):"
                    : ":"}
                </p>
                <code className={`mono ${styles.snippet}`}>{grant.curl}</code>
                <button
                  type="button"
                  className="button"
                  onClick={() => void navigator.clipboard.writeText(grant.curl ?? "")}
                >
                  Copy curl
                </button>
              </>
            ) : null}
            <div className={styles.actions}>
              {grant.mayDecide ? button(grant.id, "approved", "Approve access") : null}
              {grant.mayDecide ? button(grant.id, "rejected", "Reject") : null}
              {grant.mayRevoke ? button(grant.id, "revoke", grant.status === "pending" ? "Withdraw" : "Revoke") : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
