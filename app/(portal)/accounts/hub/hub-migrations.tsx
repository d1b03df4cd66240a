"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import layout from "@/components/page-layout.module.css";
import { callApi } from "@/components/api-client";
import { ConfirmButton } from "@/components/confirm-dialog";
import { DataTable } from "@/components/data-table";
import { TranslatedText } from "@/components/translated-text";
import type { HubMigrationSummary } from "@/lib/hubs/hub-migration-summary";
import type { HubMigrationOutcome } from "@/lib/hubs/migrate-hub-exposures";

// The bulk migration V1 → V2 of a hub: one admin asks for every active V1 exposure's migration, a second approves
// them as one decision (each request keeps its own approval, run and rollback).

function HubMigrationActions({ hub }: { hub: HubMigrationSummary }) {
  const router = useRouter();
  const t = useTranslations("migrations");
  const act = useMutation({
    mutationFn: (action: "request" | "approve") =>
      callApi<HubMigrationOutcome>("/api/hubs/migrations", { method: "POST", body: { hubId: hub.hubId, action } }),
    onSettled: () => router.refresh(),
  });
  const requestAll = () => act.mutate("request");
  const approveAll = () => act.mutate("approve");
  const outcome = act.data
    ? t.rich("outcome", {
        done: act.data.migrated.length,
        refused: act.data.refused.length > 0 ? "some" : "none",
        reasons: () =>
          act.data.refused.map((refusal) => (
            <Fragment key={refusal.requestId}>
              <TranslatedText message={refusal.translatable ?? refusal.reason} />{" "}
            </Fragment>
          )),
      })
    : null;
  return (
    <>
      <div className={layout.actions}>
        {hub.onV1 > 0 ? (
          <ConfirmButton
            label={t("migrateAll")}
            title={t("migrateTitle", { count: hub.onV1, region: hub.region })}
            confirmLabel={t("confirmMigrate")}
            onConfirm={requestAll}
          >
            <p>{t("migrateExplanation")}</p>
          </ConfirmButton>
        ) : null}
        {hub.pending > 0 ? (
          <button type="button" className="button primary" disabled={act.isPending} onClick={approveAll}>
            {t("approvePending", { count: hub.pending })}
          </button>
        ) : null}
      </div>
      {outcome ? <p role="status">{outcome}</p> : null}
      {act.error ? <p className="alert">{act.error.message}</p> : null}
    </>
  );
}

export function HubMigrations({ hubs }: { hubs: HubMigrationSummary[] }) {
  const t = useTranslations("migrations");
  return (
    <section aria-labelledby="hub-migrations">
      <h2 id="hub-migrations">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <DataTable
        caption={t("caption")}
        columns={[
          t("columns.hub"),
          t("columns.onV1"),
          t("columns.pending"),
          t("columns.migrating"),
          t("columns.actions"),
        ]}
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
