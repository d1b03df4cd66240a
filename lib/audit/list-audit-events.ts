import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Filters come from the query string of the page and of the CSV export; a bad value is dropped rather than refused,
// so a hand-edited URL still shows the log.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);
const optionalDate = z.iso.date().optional().catch(undefined);

export const auditFilterSchema = z.object({
  actor: optionalText(200),
  action: optionalText(100),
  // A request, run, account, token or user id: events about it, or whose details name it as their request.
  target: optionalText(100),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
/** The filter without paging, as the export uses it. */
export type AuditQuery = Partial<Omit<AuditFilter, "page">>;

export const auditPageSize = 50;

const dayMs = 24 * 60 * 60 * 1000;

/** The filter as a database condition; dates are whole UTC days, both ends included. */
export function auditWhere(filter: AuditQuery): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + dayMs);
  return {
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" as const } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.target
      ? { OR: [{ targetId: filter.target }, { details: { path: ["requestId"], equals: filter.target } }] }
      : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

/** Newest first, one page at a time. */
export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const where = auditWhere(filter);
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * auditPageSize,
      take: auditPageSize,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / auditPageSize)) };
}

/** Every matching event, newest first, read in batches so an export of the whole log never sits in memory at once. */
export async function* allAuditEvents(db: Db, filter: AuditQuery, batchSize = 1000) {
  const where = auditWhere(filter);
  let before: bigint | undefined;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: batchSize,
    });
    yield* batch;
    if (batch.length < batchSize) return;
    before = batch[batch.length - 1]?.id;
  }
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
