import { getTranslations } from "next-intl/server";
import { DrainHubButton } from "./drain-hub-button";
import { PinTeamForm } from "./pin-team-form";
import { DataTable } from "@/components/data-table";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { exposureHeadroom } from "@/lib/hubs/quotas/hub-quotas";
import { readHubCandidates } from "@/lib/hubs/quotas/read-region-hubs";
import { hubLabel, type PlacementCandidate } from "@/lib/requests/hub-choice";

// Each hub's use of each quota, read live through its account's role, with the headroom placement ranks hubs by.
// An account that cannot be read says why instead of failing the page.

/** The placement line of a hub: drained, unreadable, or how many more exposures its scarcest quota leaves room for. */
async function placementNote(candidate: PlacementCandidate): Promise<string> {
  const t = await getTranslations("quotas");
  if (candidate.drained) return t("placementDrained");
  if ("unreadable" in candidate.quotas) return t("placementUnreadable", { reason: candidate.quotas.unreadable });
  const { headroom, scarcest } = exposureHeadroom(
    candidate.quotas.readings,
    candidate.linkMode,
    candidate.hasSharedLink,
  );
  return t("placementRoom", {
    count: headroom,
    scarcest: scarcest ? t(`names.${scarcest.key}`) : "none",
    used: scarcest?.used ?? 0,
    limit: scarcest?.limit ?? 0,
  });
}

export async function QuotasPanel({ db, clients }: { db: Db; clients: ClientFactory }) {
  const [candidates, teams, pins, t] = await Promise.all([
    readHubCandidates(db, clients, "hub-quotas"),
    db.team.findMany({ where: { kind: "application" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamHubPin.findMany({ include: { team: { select: { id: true, name: true } } } }),
    getTranslations("quotas"),
  ]);
  if (candidates.length === 0) return null;
  const notes = await Promise.all(candidates.map(placementNote));
  return (
    <section aria-labelledby="hub-quotas">
      <h2 id="hub-quotas">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {candidates.map((candidate, index) => {
        const label = hubLabel(candidate.hub);
        const { region } = candidate.hub;
        return (
          <article
            key={candidate.hub.id}
            id={`hub-${candidate.hub.id}`}
            aria-label={t("hubLabel", { label, region })}
            data-hub={label}
          >
            <h3>
              {t("hubHeading", { label, region, linkMode: candidate.linkMode.toUpperCase() })}
              {candidate.drained ? t("drained") : ""}
            </h3>
            <p data-testid="headroom">{notes[index]}</p>
            {"readings" in candidate.quotas ? (
              <DataTable
                caption={t("caption", { label })}
                columns={[
                  t("columns.quota"),
                  t("columns.used"),
                  t("columns.limit"),
                  t("columns.left"),
                  t("columns.source"),
                ]}
              >
                {candidate.quotas.readings.map((reading) => (
                  <tr key={reading.key}>
                    <td>{t(`names.${reading.key}`)}</td>
                    <td>{reading.used}</td>
                    <td>{reading.limit}</td>
                    <td>{Math.max(0, reading.limit - reading.used)}</td>
                    <td>{t(`sources.${reading.limitSource}`)}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <p role="status">{t("unreadable", { reason: candidate.quotas.unreadable })}</p>
            )}
            <PinTeamForm
              hubId={candidate.hub.id}
              label={label}
              teams={teams}
              pinned={pins.filter((pin) => pin.hubId === candidate.hub.id).map((pin) => pin.team)}
            />
            <DrainHubButton hubId={candidate.hub.id} label={label} drained={candidate.drained} />
          </article>
        );
      })}
    </section>
  );
}
