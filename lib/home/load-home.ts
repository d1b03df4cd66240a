import { chainHealth, type ChainHealth } from "./chain-health";
import { countWaitingApprovals, type WaitingApprovals } from "./count-waiting-approvals";
import { gettingStartedSteps, type SetupStep } from "./getting-started";
import { listFailedRuns, listRunsInFlight, type RunAttention } from "./list-run-attention";
import { listUnverifiedAccounts, type UnverifiedAccount } from "./list-unverified-accounts";
import { readSetupFacts } from "./setup-facts";
import { countRequestsByStatus, listWaitingOnTeam, type StatusCount, type WaitingOnTeam } from "./team-requests";
import { isPlatformAdmin, requestableTeams, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { visibleRequestsWhere } from "@/lib/requests/request-permissions";
import { topologyScopeWhere } from "@/lib/topology/topology-scope";

// The home page's data for the reader's strongest role: what needs a platform admin, what a requester's teams have
// asked for and what waits on them, the platform's health for a viewer. Each figure is one query, run together.

export type RunsAndChains = { inFlight: RunAttention[]; failed: RunAttention[]; chains: ChainHealth };

export type AdminHome = RunsAndChains & {
  role: "admin";
  approvals: WaitingApprovals;
  unverifiedAccounts: UnverifiedAccount[];
  /** The getting-started checklist, while any of its steps is open. */
  setup: SetupStep[];
};
export type RequesterHome = {
  role: "requester";
  byStatus: StatusCount[];
  waitingOnTeam: WaitingOnTeam[];
  inFlight: RunAttention[];
};
export type ViewerHome = RunsAndChains & { role: "viewer" };
export type Home = AdminHome | RequesterHome | ViewerHome;

async function runsAndChains(db: Db, user: CurrentUser): Promise<RunsAndChains> {
  const scope = topologyScopeWhere(user);
  const [inFlight, failed, chains] = await Promise.all([
    listRunsInFlight(db, scope),
    listFailedRuns(db, scope),
    chainHealth(db, scope),
  ]);
  return { inFlight, failed, chains };
}

export async function loadHome(db: Db, user: CurrentUser): Promise<Home> {
  if (isPlatformAdmin(user)) {
    const [runs, approvals, unverifiedAccounts, facts] = await Promise.all([
      runsAndChains(db, user),
      countWaitingApprovals(db),
      listUnverifiedAccounts(db),
      readSetupFacts(db),
    ]);
    return { role: "admin", ...runs, approvals, unverifiedAccounts, setup: gettingStartedSteps(facts) };
  }
  if (requestableTeams(user).length > 0) {
    const scope = visibleRequestsWhere(user);
    const [byStatus, waitingOnTeam, inFlight] = await Promise.all([
      countRequestsByStatus(db, scope),
      listWaitingOnTeam(db, scope),
      listRunsInFlight(db, scope),
    ]);
    return { role: "requester", byStatus, waitingOnTeam, inFlight };
  }
  return { role: "viewer", ...(await runsAndChains(db, user)) };
}

/** Whether the page should keep refreshing itself: a run is in flight. */
export function homeInFlight(home: Home): boolean {
  return home.inFlight.length > 0;
}
