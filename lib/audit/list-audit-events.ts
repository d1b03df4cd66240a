import { z } from "zod";
import type { Db } from "@/lib/db/client";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSize = 50;

/** Newest first, filtered by actor (substring of the label) and exact action, one page at a time. */
export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const where = {
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" as const } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (filter.page - 1) * auditPageSize, take: auditPageSize }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / auditPageSize)) };
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
