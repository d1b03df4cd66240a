import { decideRequest } from "@/lib/approvals/decide-request";
import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { queueRunAdvance } from "@/lib/provisioning/engine/run-jobs";

export const POST = v1Route(v1Operations["POST /api/v1/approvals/{id}"], ({ caller, params, body }) =>
  decideRequest({ db: db(), queueRunAdvance }, caller.user, params.id ?? "", body),
);
