import { describe, expect, it, vi } from "vitest";
import { cachedTopology } from "./topology-cache";

describe("cachedTopology", () => {
  it("builds once per version: viewers polling an unchanged map share the encoded body and its ETag", async () => {
    const build = vi.fn(async () => ({ nodes: [1] }));
    const [first, second] = await Promise.all([
      cachedTopology("all|map", "v1", build),
      cachedTopology("all|map", "v1", build),
    ]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(first.json).toBe('{"nodes":[1]}');

    const changed = vi.fn(async () => ({ nodes: [1, 2] }));
    const next = await cachedTopology("all|map", "v2", changed);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(next.etag).not.toBe(first.etag);
  });

  it("keeps scopes apart and forgets a failed build", async () => {
    await cachedTopology("team-a|map", "v1", async () => ({ team: "a" }));
    expect((await cachedTopology("team-b|map", "v1", async () => ({ team: "b" }))).json).toBe('{"team":"b"}');

    await expect(
      cachedTopology("team-c|map", "v1", async () => {
        throw new Error("database away");
      }),
    ).rejects.toThrow("database away");
    expect((await cachedTopology("team-c|map", "v1", async () => ({ team: "c" }))).json).toBe('{"team":"c"}');
  });
});
