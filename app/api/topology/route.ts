import { z } from "zod";
import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { loadPlatformTopology, loadRequestTopology } from "@/lib/topology/load-topology";

const querySchema = z.object({ requestId: z.string().min(1).max(64).optional() });

// GET /api/topology – the platform map; ?requestId=… – one request's chain. Every signed-in user may look.
export const GET = apiRoute({ access: "user" }, async ({ request }) => {
  const { requestId } = parseBody(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  return requestId ? loadRequestTopology(db(), requestId) : loadPlatformTopology(db());
});
