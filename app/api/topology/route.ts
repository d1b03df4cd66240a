import { z } from "zod";
import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { loadPlatformTopology, loadRequestTopology } from "@/lib/topology/load-topology";
import { topologyResponse } from "@/lib/topology/topology-response";

const querySchema = z.object({ requestId: z.string().min(1).max(64).optional() });

// GET /api/topology – the platform map; ?requestId=… – one request's chain. Every signed-in user may look.
// Conditional: a poll with the current ETag gets 304.
export const GET = apiRoute({ access: "user" }, async ({ request }) => {
  const { requestId } = parseBody(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  return topologyResponse(
    request,
    requestId ? await loadRequestTopology(db(), requestId) : await loadPlatformTopology(db()),
  );
});
