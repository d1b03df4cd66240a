import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CatalogEntryPatch } from "./catalog-schemas";
import { ownedCatalogEntry } from "./owned-catalog-entry";

/**
 * The owning team changes its API's description, contact and whether the API is built from its OpenAPI document
 * (taking effect on the next provision); the audit event records before and after.
 */
export async function updateCatalogEntry(
  db: Db,
  user: CurrentUser,
  actor: AuditActor,
  id: string,
  patch: CatalogEntryPatch,
): Promise<{ description: string | null; contact: string | null; buildFromOpenApi: boolean }> {
  return db.$transaction(async (tx) => {
    const entry = await ownedCatalogEntry(tx, user, id);
    if (patch.buildFromOpenApi && !entry.openApiDocument)
      throw new AppError(
        "VALIDATION_FAILED",
        { key: "errors.catalog.noDocumentToBuildFrom" },
        { fieldErrors: { buildFromOpenApi: ["validation.catalog.noDocument"] } },
      );
    const updated = await tx.exposureRequest.update({
      where: { id },
      data: {
        catalogDescription: patch.description,
        catalogContact: patch.contact,
        buildFromOpenApi: patch.buildFromOpenApi,
      },
      select: { catalogDescription: true, catalogContact: true, buildFromOpenApi: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "catalog.entry_updated",
      targetType: "request",
      targetId: id,
      details: {
        before: {
          description: entry.catalogDescription,
          contact: entry.catalogContact,
          buildFromOpenApi: entry.buildFromOpenApi,
        },
        after: {
          description: updated.catalogDescription,
          contact: updated.catalogContact,
          buildFromOpenApi: updated.buildFromOpenApi,
        },
      },
    });
    return {
      description: updated.catalogDescription,
      contact: updated.catalogContact,
      buildFromOpenApi: updated.buildFromOpenApi,
    };
  });
}
