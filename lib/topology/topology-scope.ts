import type { CurrentUser } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

// Whose exposures a user sees on the maps. The platform team (its admins and viewers) runs the hub and sees every
// team's exposure; anyone else sees their own teams' exposures and the hub parts those pass through, never another
// team's account IDs, ARNs or remote IPs. A request outside the scope is "not found", as if it did not exist.

export function seesEveryExposure(user: CurrentUser): boolean {
  return user.memberships.some(
    (membership) => membership.teamKind === "platform" && (membership.role === "admin" || membership.role === "viewer"),
  );
}

/** The exposure requests the user may see on a map, as a query condition. */
export function topologyScopeWhere(user: CurrentUser): Prisma.ExposureRequestWhereInput {
  return seesEveryExposure(user) ? {} : { teamId: { in: user.memberships.map((membership) => membership.teamId) } };
}
