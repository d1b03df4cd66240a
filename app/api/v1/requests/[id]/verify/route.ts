import { db } from "@/lib/db/client";
import { v1Operations } from "@/lib/http/v1-operations";
import { v1Route } from "@/lib/http/v1-route";
import { hubClientFactory, withAwsErrors } from "@/lib/hubs/hub-access";
import { checkChain } from "@/lib/provisioning/chain-checks";

export const POST = v1Route(v1Operations["POST /api/v1/requests/{id}/verify"], ({ caller, params }) =>
  withAwsErrors(() => checkChain(db(), hubClientFactory(), params.id ?? "", caller.actor)),
);
