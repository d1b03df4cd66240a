import { endUserAccess } from "./end-user-access";
import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import type { GroupRoleGrant } from "@/lib/auth/oidc-group-roles";
import type { Tx } from "@/lib/db/client";
import type { MembershipRole } from "@/lib/generated/prisma/client";

// The memberships that come from IdP groups (AUTH_OIDC_GROUP_ROLES) follow the groups of the latest sign-in: added
// and removed. Memberships a platform admin granted by hand (source "admin") are never touched here.

export type IdpMembership = { teamSlug: string; role: MembershipRole; group: string };

const strength: Record<MembershipRole, number> = { admin: 3, requester: 2, viewer: 1 };

/** One membership per team: when several groups map to the same team, the strongest role wins. */
export function desiredIdpMemberships(grants: readonly GroupRoleGrant[]): IdpMembership[] {
  const byTeam = new Map<string, IdpMembership>();
  for (const grant of grants) {
    const held = byTeam.get(grant.teamSlug);
    if (!held || strength[grant.role] > strength[held.role]) {
      byTeam.set(grant.teamSlug, { teamSlug: grant.teamSlug, role: grant.role, group: grant.group });
    }
  }
  return [...byTeam.values()];
}

/** What to remove and add so that `current` becomes `desired` (a changed role is a removal and an addition). */
export function idpMembershipChanges(current: readonly IdpMembership[], desired: readonly IdpMembership[]) {
  const same = (a: IdpMembership, b: IdpMembership) => a.teamSlug === b.teamSlug && a.role === b.role;
  return {
    remove: current.filter((held) => !desired.some((wanted) => same(held, wanted))),
    add: desired.filter((wanted) => !current.some((held) => same(held, wanted))),
  };
}

/** Applies the grants of this sign-in's groups to the user's IdP memberships, each change audited. */
export async function syncIdpMemberships(tx: Tx, userId: string, grants: readonly GroupRoleGrant[]): Promise<void> {
  const teams = await tx.team.findMany({ where: { slug: { in: grants.map((grant) => grant.teamSlug) } } });
  const teamIdBySlug = new Map(teams.map((team) => [team.slug, team.id]));
  // A mapping that names a team nobody created yet grants nothing until the team exists.
  const desired = desiredIdpMemberships(grants.filter((grant) => teamIdBySlug.has(grant.teamSlug)));
  const held = await tx.membership.findMany({ where: { userId, source: "idp_group" }, include: { team: true } });
  const current = held.map((membership) => ({
    teamSlug: membership.team.slug,
    role: membership.role,
    group: membership.idpGroup ?? "",
  }));
  const { remove, add } = idpMembershipChanges(current, desired);
  if (remove.length === 0 && add.length === 0) return;
  const hadAnyRole = (await tx.membership.count({ where: { userId } })) > 0;

  for (const membership of remove) {
    const row = held.find((candidate) => candidate.team.slug === membership.teamSlug);
    if (!row) continue;
    await tx.membership.delete({ where: { id: row.id } });
    await auditIdpMembership(tx, userId, "membership.revoked", membership);
  }
  for (const membership of add) {
    const teamId = teamIdBySlug.get(membership.teamSlug) ?? "";
    await tx.membership.create({
      data: { userId, teamId, role: membership.role, source: "idp_group", idpGroup: membership.group },
    });
    await auditIdpMembership(tx, userId, "membership.granted", membership);
  }
  if (hadAnyRole && (await tx.membership.count({ where: { userId } })) === 0) {
    await endUserAccess(tx, systemActor, userId, "no_role_left");
  }
}

/** The audit event of a membership a sign-in granted or revoked from the person's IdP groups. */
function auditIdpMembership(
  tx: Tx,
  userId: string,
  action: "membership.granted" | "membership.revoked",
  membership: { teamSlug: string; role: string; group: string },
) {
  return recordAuditEvent(tx, {
    actor: systemActor,
    action,
    targetType: "user",
    targetId: userId,
    details: { team: membership.teamSlug, role: membership.role, source: "idp_group", group: membership.group },
  });
}
