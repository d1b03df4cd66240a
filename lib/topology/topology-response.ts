import { encodeTopology, type EncodedTopology } from "./topology-cache";

// The topology as JSON with an ETag. The views poll while a chain is changing; a poll that finds nothing new gets a
// 304 without a body, so the browser neither downloads nor parses an unchanged map.

export function topologyResponse(request: Request, body: unknown): Response {
  return encodedTopologyResponse(request, encodeTopology(body));
}

export function encodedTopologyResponse(request: Request, { json, etag }: EncodedTopology): Response {
  const headers = { etag, "cache-control": "private, no-cache" };
  const known = request.headers.get("if-none-match");
  if (known?.split(",").some((candidate) => candidate.trim() === etag))
    return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, "content-type": "application/json" } });
}
