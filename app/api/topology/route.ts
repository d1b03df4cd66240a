import { z } from "zod";
import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { loadPlatformTopology, loadRequestTopology } from "@/lib/topology/load-topology";
import { topologyResponse } from "@/lib/topology/topology-response";

const querySchema = z.object({ requestId: z.string().min(1).max(64).optional() });

// GET /api/topology – the platform map; ?requestId=… – one request's chain. The platform team sees every exposure,
// everyone else their teams' (another team's request is a 404).
// Conditional: a poll with the current ETag gets 304. Titles and reasons come in the caller's language.
export const GET = apiRoute({ access: "user" }, async ({ request, user }) => {
  const { requestId } = parseBody(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const locale = localeOfRequest(request, user.locale);
  return topologyResponse(
    request,
    requestId
      ? await loadRequestTopology(db(), user, requestId, locale)
      : await loadPlatformTopology(db(), user, locale),
  );
});
