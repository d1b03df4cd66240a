import type { MembershipRole, TeamKind } from "@/lib/generated/prisma/client";

// Who may do what, as pure functions of the user's memberships (always read from our database, never from a token).

export type UserMembership = {
  teamId: string;
  teamSlug: string;
  teamName: string;
  teamKind: TeamKind;
  role: MembershipRole;
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  memberships: UserMembership[];
  /** The language the user chose in the header ("en", "zh-CN"); none: the browser's. */
  locale?: string | null;
};

/** Platform admins are admins of a platform team: they review requests and manage accounts and the hub. */
export function isPlatformAdmin(user: CurrentUser): boolean {
  return user.memberships.some((membership) => membership.role === "admin" && membership.teamKind === "platform");
}

/** The teams a user may request exposures for. */
export function requestableTeams(user: CurrentUser): UserMembership[] {
  return user.memberships.filter((membership) => membership.role === "requester");
}

/** The user's strongest role for the header: a key of the catalogue's `roles` words. */
export function roleLabel(user: CurrentUser): "admin" | "requester" | "viewer" | "noRole" {
  if (isPlatformAdmin(user)) return "admin";
  if (requestableTeams(user).length > 0) return "requester";
  return user.memberships.length > 0 ? "viewer" : "noRole";
}
