import { approvalFilterSchema, approvalQueue } from "@/lib/approvals/approval-queue";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

// GET /api/approvals?team=&account=&scenario=&olderThanHours=&kind= – what waits for a decision, oldest first (admins).
export const GET = apiRoute({ access: "admin" }, ({ request }) =>
  approvalQueue(db(), approvalFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))),
);
