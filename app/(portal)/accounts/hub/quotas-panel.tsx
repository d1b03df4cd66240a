import { DrainHubButton } from "./drain-hub-button";
import { PinTeamForm } from "./pin-team-form";
import { DataTable } from "@/components/data-table";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import { readHubCandidates } from "@/lib/hubs/quotas/read-region-hubs";
import type { LimitSource } from "@/lib/hubs/quotas/hub-quotas";
import { headroomOf, hubLabel } from "@/lib/requests/hub-choice";

// Each hub's use of each quota, read live through its account's role, with the headroom placement ranks hubs by.
// An account that cannot be read says why instead of failing the page.

const sourceText: Record<LimitSource, string> = {
  applied: "applied value (Service Quotas)",
  awsDefault: "AWS default (Service Quotas)",
  documented: "documented, not in Service Quotas",
};

export async function QuotasPanel({ db, clients }: { db: Db; clients: ClientFactory }) {
  const [candidates, teams, pins] = await Promise.all([
    readHubCandidates(db, clients, "hub-quotas"),
    db.team.findMany({ where: { kind: "application" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamHubPin.findMany({ include: { team: { select: { id: true, name: true } } } }),
  ]);
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="hub-quotas">
      <h2 id="hub-quotas">Quotas and placement</h2>
      <p>
        A new exposure goes to the hub of its region with the most headroom: the number of exposures it can still take
        before its scarcest quota runs out. Limits and use are read from AWS now.
      </p>
      {candidates.map((candidate) => {
        const label = hubLabel(candidate.hub);
        const headroom = headroomOf(candidate);
        return (
          <article
            key={candidate.hub.id}
            id={`hub-${candidate.hub.id}`}
            aria-label={`Hub ${label} in ${candidate.hub.region}`}
            data-hub={label}
          >
            <h3>
              {label} · {candidate.hub.region} · link mode {candidate.linkMode.toUpperCase()}
              {candidate.drained ? " · drained" : ""}
            </h3>
            <p data-testid="headroom">Placement: {headroom.note}.</p>
            {"readings" in candidate.quotas ? (
              <DataTable caption={`Quotas of ${label}`} columns={["Quota", "Used", "Limit", "Left", "Limit source"]}>
                {candidate.quotas.readings.map((reading) => (
                  <tr key={reading.key}>
                    <td>{reading.name}</td>
                    <td>{reading.used}</td>
                    <td>{reading.limit}</td>
                    <td>{Math.max(0, reading.limit - reading.used)}</td>
                    <td>{sourceText[reading.limitSource]}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <p role="status">
                The account could not be read: {candidate.quotas.unreadable}. Re-verify the account if its role changed.
              </p>
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
