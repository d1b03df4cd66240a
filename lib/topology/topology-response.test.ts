import { describe, expect, it } from "vitest";
import { topologyResponse } from "./topology-response";

const get = (headers: Record<string, string> = {}) => new Request("http://portal.test/api/topology", { headers });

describe("topologyResponse", () => {
  it("answers JSON with an ETag, and 304 without a body when the caller already has that version", async () => {
    const first = topologyResponse(get(), { graph: { nodes: [1, 2] } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ graph: { nodes: [1, 2] } });
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);

    const unchanged = topologyResponse(get({ "if-none-match": etag }), { graph: { nodes: [1, 2] } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");

    const changed = topologyResponse(get({ "if-none-match": etag }), { graph: { nodes: [1, 2, 3] } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
