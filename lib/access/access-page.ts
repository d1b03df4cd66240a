import { isPlatformAdmin, requestableTeams, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

// What the access page of an exposure needs: the exposure, and the accounts of the caller's requester teams that are
// registered in its region (the ones a request may name); null when there is no such active exposure.

export async function accessPageOf(db: Db, user: CurrentUser, requestId: string) {
  const exposure = await db.exposureRequest.findUnique({
    where: { id: requestId },
    include: { team: true, hub: true },
  });
  // Only an active exposure can be called, so only an active one has an access page.
  if (!exposure || exposure.status !== "active") return null;
  const teams = requestableTeams(user).map((membership) => membership.teamId);
  const accounts = await db.awsAccount.findMany({
    where: { owningTeamId: { in: teams }, regions: { has: exposure.hub.region } },
    orderBy: { alias: "asc" },
  });
  return {
    exposure: { id: exposure.id, apiName: exposure.apiName, stageName: exposure.stageName, team: exposure.team.name },
    authorization: exposure.authorization,
    mayChooseAuthorization:
      isPlatformAdmin(user) || requestableTeams(user).some((membership) => membership.teamId === exposure.teamId),
    region: exposure.hub.region,
    accounts: accounts.map((account) => ({ id: account.id, label: `${account.alias} (${account.accountId})` })),
  };
}
