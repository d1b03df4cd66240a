import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readLatestChainChecks } from "@/lib/provisioning/verify/read-latest-chain-checks";
import { catalogEntryOf, catalogEntrySelect, catalogStatuses, type CatalogEntry } from "./catalog-entry";

// The catalog is for every signed-in user, whatever their team: that is its point. What it shows is metadata only
// (see catalog-entry.ts).

export type CatalogApi = CatalogEntry & { openApiDocument: string | null };

/** Every API in the catalog, by name; with each OpenAPI document only when asked (the Backstage export). */
export async function listCatalog(db: Db, viewer: CurrentUser, withDocuments = false): Promise<CatalogApi[]> {
  const rows = await db.exposureRequest.findMany({
    where: { status: { in: catalogStatuses } },
    select: { ...catalogEntrySelect, openApiDocument: withDocuments },
    orderBy: [{ apiName: "asc" }, { createdAt: "asc" }],
  });
  const checks = await readLatestChainChecks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...catalogEntryOf(row, viewer, checks.get(row.id)),
    openApiDocument: row.openApiDocument ?? null,
  }));
}

/** One API's page: its entry and its OpenAPI document; a 404 for anything that is not in the catalog. */
export async function getCatalogApi(db: Db, viewer: CurrentUser, id: string): Promise<CatalogApi> {
  const row = await db.exposureRequest.findFirst({
    where: { id, status: { in: catalogStatuses } },
    select: { ...catalogEntrySelect, openApiDocument: true },
  });
  if (!row) throw new AppError("NOT_FOUND", { key: "errors.catalog.notFound" });
  const checks = await readLatestChainChecks(db, [row.id]);
  return { ...catalogEntryOf(row, viewer, checks.get(row.id)), openApiDocument: row.openApiDocument };
}
