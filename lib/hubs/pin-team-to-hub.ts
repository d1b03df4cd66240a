import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// An admin's pin: the team's new exposures in the hub's region go to this hub instead of the one with the most
// headroom (one pin per team and region; pinning another hub of the region replaces it). Audited either way.

export async function pinTeamToHub(
  db: Db,
  actor: AuditActor & { id: string },
  input: { hubId: string; teamId: string; pinned: boolean },
) {
  return db.$transaction(async (tx) => {
    const hub = await tx.platformHub.findUnique({ where: { id: input.hubId }, include: { account: true } });
    if (!hub) throw new AppError("NOT_FOUND", { key: "errors.hubs.notFound" });
    const team = await tx.team.findUnique({ where: { id: input.teamId } });
    if (!team) {
      const key = "validation.hubs.chooseListedTeam";
      throw new AppError("VALIDATION_FAILED", { key }, { fieldErrors: { teamId: [key] } });
    }
    const key = { teamId_region: { teamId: team.id, region: hub.region } };
    if (input.pinned)
      await tx.teamHubPin.upsert({
        where: key,
        create: { teamId: team.id, region: hub.region, hubId: hub.id },
        update: { hubId: hub.id },
      });
    else await tx.teamHubPin.deleteMany({ where: { teamId: team.id, region: hub.region, hubId: hub.id } });
    await recordAuditEvent(tx, {
      actor,
      action: input.pinned ? "hub.team_pinned" : "hub.team_unpinned",
      targetType: "platform_hub",
      targetId: hub.id,
      details: { team: team.slug, account: hub.account.accountId, region: hub.region },
    });
    return { hubId: hub.id, teamId: team.id, region: hub.region, pinned: input.pinned };
  });
}
