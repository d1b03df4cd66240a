import { createHash } from "node:crypto";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { ownedCatalogEntry } from "./owned-catalog-entry";
import { parseOpenApiDocument, type ParsedOpenApi } from "./parse-openapi-document";

// The owning team attaches (or replaces) its API's OpenAPI document, stored as sent once it validates; the audit
// event records its title, version, operations count and SHA-256, not the text. Validation runs before the
// transaction: a refused document writes nothing.

export async function attachOpenApiDocument(
  db: Db,
  user: CurrentUser,
  actor: AuditActor,
  id: string,
  text: string,
): Promise<ParsedOpenApi> {
  const parsed = await parseOpenApiDocument(text);
  await db.$transaction(async (tx) => {
    await ownedCatalogEntry(tx, user, id);
    await tx.exposureRequest.update({ where: { id }, data: { openApiDocument: text, openApiUpdatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: "catalog.openapi_attached",
      targetType: "request",
      targetId: id,
      details: {
        title: parsed.title,
        version: parsed.version,
        operations: parsed.operations.length,
        sha256: createHash("sha256").update(text).digest("hex"),
      },
    });
  });
  return parsed;
}

export async function removeOpenApiDocument(db: Db, user: CurrentUser, actor: AuditActor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await ownedCatalogEntry(tx, user, id);
    await tx.exposureRequest.update({ where: { id }, data: { openApiDocument: null, openApiUpdatedAt: null } });
    await recordAuditEvent(tx, { actor, action: "catalog.openapi_removed", targetType: "request", targetId: id });
  });
}
