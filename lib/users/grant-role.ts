import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertPlatformAdminRemains } from "./last-platform-admin";
import type { GrantRole } from "./user-schemas";

/**
 * A platform admin grants a user a role in a team by hand (source "admin"): kept apart from IdP-group memberships and
 * never removed by a sign-in. A hand grant already held in that team changes role.
 */
export async function grantRole(db: Db, actor: AuditActor, userId: string, input: GrantRole) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", { key: "errors.users.noSuchUser" });
    const team = await tx.team.findUnique({ where: { id: input.teamId } });
    if (!team)
      throw new AppError(
        "VALIDATION_FAILED",
        { key: "errors.users.noSuchTeam" },
        {
          fieldErrors: { teamId: ["validation.users.noSuchTeam"] },
        },
      );
    const key = { userId_teamId_source: { userId, teamId: team.id, source: "admin" as const } };
    const held = await tx.membership.findUnique({ where: key });
    if (held?.role === input.role) return held;
    // Changing a hand-granted platform admin to another role removes an admin.
    if (held?.role === "admin" && team.kind === "platform")
      await assertPlatformAdminRemains(tx, { removeMembershipId: held.id });
    const membership = await tx.membership.upsert({
      where: key,
      create: { userId, teamId: team.id, role: input.role, source: "admin" },
      update: { role: input.role },
    });
    const details = {
      team: team.slug,
      role: input.role,
      source: "admin",
      ...(held ? { previousRole: held.role } : {}),
    };
    await recordAuditEvent(tx, { actor, action: "membership.granted", targetType: "user", targetId: userId, details });
    return membership;
  });
}
