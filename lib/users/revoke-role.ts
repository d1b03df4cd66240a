import { endUserAccess } from "./end-user-access";
import { assertPlatformAdminRemains } from "./last-platform-admin";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * A platform admin revokes a hand grant. IdP-group memberships follow the IdP (change the group there); the last
 * platform admin stays. Removing a user's last role ends their sessions and tokens at once.
 */
export async function revokeRole(db: Db, actor: AuditActor, userId: string, membershipId: string) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, userId }, include: { team: true } });
    if (!membership) throw new AppError("NOT_FOUND", { key: "errors.users.noSuchRole" });
    if (membership.source === "idp_group") {
      throw new AppError("CONFLICT", {
        key: "errors.users.idpRole",
        values: { group: membership.idpGroup ?? "" },
      });
    }
    if (membership.role === "admin" && membership.team.kind === "platform") {
      await assertPlatformAdminRemains(tx, { removeMembershipId: membership.id });
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "membership.revoked",
      targetType: "user",
      targetId: userId,
      details: { team: membership.team.slug, role: membership.role, source: "admin" },
    });
    if ((await tx.membership.count({ where: { userId } })) === 0)
      await endUserAccess(tx, actor, userId, "no_role_left");
  });
}
