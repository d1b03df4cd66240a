import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { processClients } from "@/lib/aws/process-clients";
import { withAwsErrors } from "@/lib/hubs/hub-access";
import { checkChain } from "@/lib/provisioning/verify/chain-checks";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/verify"], ({ caller, params }) =>
  withAwsErrors(() => checkChain(db(), processClients(), params.id ?? "", caller.actor)),
);
