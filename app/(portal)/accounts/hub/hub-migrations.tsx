"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import layout from "@/components/page-layout.module.css";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import type { HubMigrationSummary } from "@/lib/hubs/hub-migration-summary";
import type { HubMigrationOutcome } from "@/lib/hubs/migrate-hub-exposures";

// The bulk migration V1 → V2 of a hub: one admin asks for every active V1 exposure's migration, a second approves
// them as one decision (each request keeps its own approval, run and rollback).

function HubMigrationActions({ hub }: { hub: HubMigrationSummary }) {
  const router = useRouter();
  const act = useMutation({
    mutationFn: (action: "request" | "approve") =>
      callApi<HubMigrationOutcome>("/api/hubs/migrations", { method: "POST", body: { hubId: hub.hubId, action } }),
    onSettled: () => router.refresh(),
  });
  return (
    <>
      <div className={layout.actions}>
        {hub.onV1 > 0 ? (
          <ConfirmButton
            label="Migrate all V1 exposures to V2"
            title={`Migrate ${hub.onV1} exposure${hub.onV1 === 1 ? "" : "s"} of ${hub.region} to the V2 link?`}
            confirmLabel="Yes, request the migrations"
            onConfirm={() => act.mutate("request")}
          >
            <p>
              One migration request per exposure; another platform admin approves them. Each run repoints the
              exposure&apos;s routes to the hub&apos;s shared V2 link, deploys (paced by API Gateway&apos;s
              CreateDeployment limit), checks the new path and only then deletes the V1 link. Callers keep being served.
            </p>
          </ConfirmButton>
        ) : null}
        {hub.pending > 0 ? (
          <button
            type="button"
            className="button primary"
            disabled={act.isPending}
            onClick={() => act.mutate("approve")}
          >
            Approve {hub.pending} pending migration{hub.pending === 1 ? "" : "s"}
          </button>
        ) : null}
      </div>
      {act.data ? (
        <p role="status">
          {act.data.migrated.length} done
          {act.data.refused.length > 0
            ? `; refused: ${act.data.refused.map((refusal) => refusal.reason).join(" ")}`
            : "."}
        </p>
      ) : null}
      {act.error ? <p className="alert">{act.error.message}</p> : null}
    </>
  );
}

export function HubMigrations({ hubs }: { hubs: HubMigrationSummary[] }) {
  return (
    <section aria-labelledby="hub-migrations">
      <h2 id="hub-migrations">Migration to VPC links V2</h2>
      <p>
        AWS calls the REST VPC link (V1) legacy: REST APIs reach NLBs through VPC links V2 since November 2025. Each
        hub&apos;s V1 exposures can move to its one shared V2 link without downtime.
      </p>
      <DataTable
        caption="Exposures per hub and link version"
        columns={["Hub", "On a V1 link", "Waiting for approval", "Migrating", "Actions"]}
      >
        {hubs.map((hub) => (
          <tr key={hub.hubId} data-hub={hub.hubId}>
            <td>
              {hub.region} <span className="mono">{hub.accountId}</span>
            </td>
            <td>{hub.onV1}</td>
            <td>{hub.pending}</td>
            <td>{hub.migrating}</td>
            <td>
              <HubMigrationActions hub={hub} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
