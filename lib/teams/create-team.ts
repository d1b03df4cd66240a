import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CreateTeam } from "./team-schemas";

/** A new team (platform admins); its slug is what AUTH_OIDC_GROUP_ROLES names. */
export async function createTeam(db: Db, actor: AuditActor, input: CreateTeam) {
  return db.$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { slug: input.slug } })) {
      throw new AppError(
        "CONFLICT",
        { key: "errors.teams.slugTaken", values: { slug: input.slug } },
        {
          fieldErrors: { slug: ["validation.teams.slugTaken"] },
        },
      );
    }
    const team = await tx.team.create({ data: input });
    await recordAuditEvent(tx, {
      actor,
      action: "team.created",
      targetType: "team",
      targetId: team.id,
      details: { slug: team.slug, name: team.name, kind: team.kind },
    });
    return team;
  });
}
