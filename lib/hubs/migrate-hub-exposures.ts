import { z } from "zod";
import { decideRequest, type DecideDependencies } from "@/lib/approvals/decide-request";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Translatable } from "@/lib/i18n/translatable";
import { chainOutputs } from "@/lib/provisioning/engine/chain-outputs";
import { requestMigration } from "@/lib/requests/request-migration";

// The hub page's bulk migration: one admin asks for the migration of every active V1 exposure of a hub (one migration
// request each, so each has its own run, rollback and audit trail); a second admin approves all of them as one
// decision, which records one Approval per request, each checked for four-eyes on its own. The runs' deployments
// are paced by API Gateway's CreateDeployment rate (engine/api-call-pacing.ts), so a hundred are spaced, not throttled.

export const hubMigrationSchema = z.object({
  hubId: z.string({ error: "validation.hubs.nameHub" }).min(1, "validation.hubs.nameHub"),
  action: z.enum(["request", "approve"], { error: "validation.hubs.migrationAction" }),
});

/** A refusal's reason in English, and as the refusing error's catalogue key with values (for the reader's language). */
export type HubMigrationOutcome = {
  migrated: string[];
  refused: { requestId: string; reason: string; translatable?: Translatable }[];
};

async function activeV1Exposures(db: Db, hubId: string): Promise<string[]> {
  const active = await db.exposureRequest.findMany({
    where: { hubId, status: "active" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const versions = await Promise.all(
    active.map(async ({ id }) => ((await chainOutputs(db, id))["vpcLink.create"]?.version === "v1" ? [id] : [])),
  );
  return versions.flat();
}

/** Each request's own outcome: a refusal of one (four-eyes, a race) does not stop the others. */
async function eachOf(ids: string[], act: (id: string) => Promise<unknown>): Promise<HubMigrationOutcome> {
  const outcome: HubMigrationOutcome = { migrated: [], refused: [] };
  for (const id of ids) {
    try {
      await act(id);
      outcome.migrated.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({ requestId: id, reason: error.message, translatable: error.translatable });
    }
  }
  return outcome;
}

export async function migrateHubExposures(
  dependencies: DecideDependencies,
  user: CurrentUser,
  input: z.infer<typeof hubMigrationSchema>,
): Promise<HubMigrationOutcome> {
  const { db } = dependencies;
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", { key: "errors.hubs.onlyAdminsMigrate" });
  const hub = await db.platformHub.findUnique({ where: { id: input.hubId } });
  if (!hub) throw new AppError("NOT_FOUND", { key: "errors.hubs.migrationHubNotFound" });
  if (input.action === "request")
    return eachOf(await activeV1Exposures(db, hub.id), (id) => requestMigration(db, user, id));
  const pending = await db.exposureRequest.findMany({
    where: { hubId: hub.id, status: "migration_pending" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return eachOf(
    pending.map(({ id }) => id),
    (id) => decideRequest(dependencies, user, id, { kind: "migration", decision: "approved" }),
  );
}
