import type { CurrentUser } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canActOnRequest } from "@/lib/requests/request-permissions";
import { catalogStatuses } from "./catalog-entry";

// The entry a change is about, locked for the change: 404 when it is not in the catalog (everyone can see the
// catalog, so that is not a secret), 403 unless the caller is a requester of the owning team.

export async function ownedCatalogEntry(tx: Tx, user: CurrentUser, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ExposureRequest" WHERE id = ${id} FOR UPDATE`;
  const entry = rows[0]
    ? await tx.exposureRequest.findFirst({
        where: { id, status: { in: catalogStatuses } },
        select: {
          id: true,
          teamId: true,
          apiName: true,
          catalogDescription: true,
          catalogContact: true,
          buildFromOpenApi: true,
          openApiDocument: true,
        },
      })
    : null;
  if (!entry) throw new AppError("NOT_FOUND", { key: "errors.catalog.notFound" });
  if (!canActOnRequest(user, entry)) throw new AppError("FORBIDDEN", { key: "errors.catalog.notOwner" });
  return entry;
}
