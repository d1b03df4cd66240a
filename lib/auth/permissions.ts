import type { MembershipRole, TeamKind } from "@/lib/generated/prisma/client";

// Who may do what, as pure functions of the user's memberships (always read from our database, never from a token).

export type UserMembership = {
  teamId: string;
  teamSlug: string;
  teamName: string;
  teamKind: TeamKind;
  role: MembershipRole;
};

export type CurrentUser = { id: string; email: string; name: string; memberships: UserMembership[] };

/** Platform admins are admins of a platform team: they review requests and manage accounts and the hub. */
export function isPlatformAdmin(user: CurrentUser): boolean {
  return user.memberships.some((membership) => membership.role === "admin" && membership.teamKind === "platform");
}

/** The teams a user may request exposures for. */
export function requestableTeams(user: CurrentUser): UserMembership[] {
  return user.memberships.filter((membership) => membership.role === "requester");
}

/** A one-word description of the user's strongest role, for the header. */
export function roleLabel(user: CurrentUser): "admin" | "requester" | "viewer" | "no role" {
  if (isPlatformAdmin(user)) return "admin";
  if (requestableTeams(user).length > 0) return "requester";
  return user.memberships.length > 0 ? "viewer" : "no role";
}
