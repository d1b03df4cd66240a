import { approvalQueue } from "@/lib/approvals/approval-queue";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";

export const GET = v1Route(v1Operations["GET /api/v1/approvals"], ({ query }) => approvalQueue(db(), query));
