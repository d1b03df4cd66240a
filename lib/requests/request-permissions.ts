import { isPlatformAdmin, requestableTeams, type CurrentUser } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

// Who sees and who changes a request: members of its team see it (viewers included), requesters of its team act on
// it, platform admins see every request. Pure, so the rules are tested without a database.

export function canViewRequest(user: CurrentUser, request: { teamId: string }): boolean {
  return isPlatformAdmin(user) || user.memberships.some((membership) => membership.teamId === request.teamId);
}

export function canActOnRequest(user: CurrentUser, request: { teamId: string }): boolean {
  return requestableTeams(user).some((membership) => membership.teamId === request.teamId);
}

/** The requests a user may list: every request for an admin, their teams' requests for everyone else. */
export function visibleRequestsWhere(user: CurrentUser): Prisma.ExposureRequestWhereInput {
  return isPlatformAdmin(user) ? {} : { teamId: { in: user.memberships.map((membership) => membership.teamId) } };
}

/**
 * Who may run a request again after its failed run was rolled back: requesters of its team, and platform admins (who
 * rolled it back). The approval stands, and a re-run builds the same exposure, so it widens no access.
 */
export function canRerunRequest(user: CurrentUser, request: { teamId: string }): boolean {
  return isPlatformAdmin(user) || canActOnRequest(user, request);
}
