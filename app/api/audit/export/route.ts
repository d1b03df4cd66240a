import { auditCsvHeader, auditEventCsvRow } from "@/lib/audit/audit-csv";
import { allAuditEvents, auditFilterSchema } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

// GET /api/audit/export?actor=&action=&target=&from=&to= – the filtered audit log as CSV, streamed. Admins only.
export const GET = apiRoute({ access: "admin" }, async ({ request }) => {
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const events = allAuditEvents(db(), filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader));
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditEventCsvRow(next.value)));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="gatehouse-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
