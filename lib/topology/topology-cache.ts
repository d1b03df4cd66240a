import { createHash } from "node:crypto";

// The platform map per viewer scope and view, kept in this process under the topology's version stamp
// (topology-version.ts): many viewers polling an unchanged map get the same encoded body and ETag, and nothing is read
// or built again. Concurrent misses for one key share one build. A few dozen entries at most; the oldest goes first.

export type EncodedTopology = { json: string; etag: string };

const capacity = 48;
const entries = new Map<string, { version: string; encoded: Promise<EncodedTopology> }>();

export function encodeTopology(body: unknown): EncodedTopology {
  const json = JSON.stringify(body);
  return { json, etag: `"${createHash("sha256").update(json).digest("base64url")}"` };
}

export function cachedTopology(key: string, version: string, build: () => Promise<unknown>): Promise<EncodedTopology> {
  const hit = entries.get(key);
  if (hit?.version === version) {
    // Re-inserted as the most recently used.
    entries.delete(key);
    entries.set(key, hit);
    return hit.encoded;
  }
  const encoded = build().then(encodeTopology);
  entries.delete(key);
  entries.set(key, { version, encoded });
  // A failed build is not kept: the next request tries again.
  encoded.catch(() => {
    if (entries.get(key)?.encoded === encoded) entries.delete(key);
  });
  for (const oldest of entries.keys()) {
    if (entries.size <= capacity) break;
    entries.delete(oldest);
  }
  return encoded;
}
