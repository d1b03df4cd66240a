import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { CatalogEntryPatch } from "./catalog-schemas";
import { ownedCatalogEntry } from "./owned-catalog-entry";

/** The owning team changes its API's description and/or contact; the audit event records before and after. */
export async function updateCatalogEntry(
  db: Db,
  user: CurrentUser,
  actor: AuditActor,
  id: string,
  patch: CatalogEntryPatch,
): Promise<{ description: string | null; contact: string | null }> {
  return db.$transaction(async (tx) => {
    const entry = await ownedCatalogEntry(tx, user, id);
    const updated = await tx.exposureRequest.update({
      where: { id },
      data: { catalogDescription: patch.description, catalogContact: patch.contact },
      select: { catalogDescription: true, catalogContact: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "catalog.entry_updated",
      targetType: "request",
      targetId: id,
      details: {
        before: { description: entry.catalogDescription, contact: entry.catalogContact },
        after: { description: updated.catalogDescription, contact: updated.catalogContact },
      },
    });
    return { description: updated.catalogDescription, contact: updated.catalogContact };
  });
}
