import { db } from "@/lib/db/client";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { loadPlatformDetail, loadPlatformMap } from "@/lib/topology/load-platform-map";
import { loadRequestTopology } from "@/lib/topology/load-topology";
import { rawTopologyQuery, topologyQuerySchema } from "@/lib/topology/platform-map-query";
import { encodedTopologyResponse, topologyResponse } from "@/lib/topology/topology-response";

// GET /api/topology – the platform map (whole when small, an aggregate per hub and application side when large);
// ?view=detail&group=… – the detail of some of its groups; ?requestId=… – one request's chain. The platform team sees
// every exposure, everyone else their teams' (another team's request is a 404; their exposures are not counted).
// Conditional: a poll with the current ETag gets 304. Titles and reasons come in the caller's language.
export const GET = apiRoute({ access: "user" }, async ({ request, user }) => {
  const query = parseBody(topologyQuerySchema, rawTopologyQuery(new URL(request.url)));
  const locale = localeOfRequest(request, user.locale);
  if (query.requestId) return topologyResponse(request, await loadRequestTopology(db(), user, query.requestId, locale));
  return encodedTopologyResponse(
    request,
    query.view === "detail"
      ? await loadPlatformDetail(db(), user, query.group, locale)
      : await loadPlatformMap(db(), user, locale),
  );
});
