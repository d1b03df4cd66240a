import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection, RunSection, Tiles } from "./home-parts";
import { EmptyState } from "@/components/empty-state";
import { formatAge } from "@/lib/home/format-age";
import type { RequesterHome } from "@/lib/home/load-home";

// A requester's home: their teams' requests by status (each figure opens the filtered list), what waits on them, and
// what is being provisioned.

const waitingReason = {
  rejected: "rejected: read the decision's comment and submit a revised request",
  failed: "failed: retry it or roll it back from its page",
} as const;

export function RequesterHomeView({ home, now }: { home: RequesterHome; now: Date }) {
  return (
    <>
      {home.byStatus.length === 0 ? (
        <EmptyState title="No exposure requests yet">
          <p>Ask for a private service to be exposed as a private REST API; a platform admin reviews the exact plan.</p>
        </EmptyState>
      ) : (
        <Tiles
          label="Your teams' requests by status"
          tiles={home.byStatus.map(({ status, count }) => ({
            label: status.replaceAll("_", " "),
            value: count,
            href: `/requests?status=${status}`,
            attention: status === "failed" || status === "rejected",
          }))}
        />
      )}
      {home.waitingOnTeam.length > 0 ? (
        <HomeSection id="home-waiting-on-you" title="Waiting on you">
          <ul className={styles.list}>
            {home.waitingOnTeam.map((request) => (
              <li key={request.requestId}>
                <Link href={`/requests/${request.requestId}`}>{request.apiName}</Link> {waitingReason[request.status]}{" "}
                <span className={styles.muted}>({formatAge(request.since, now)})</span>
              </li>
            ))}
          </ul>
        </HomeSection>
      ) : null}
      <RunSection id="home-in-flight" title="Being provisioned" runs={home.inFlight} now={now} verb="at" />
    </>
  );
}
