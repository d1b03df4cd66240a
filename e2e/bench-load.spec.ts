import { exec } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { routes } from "@/scripts/bench/load-routes";

// `npm run bench:load` exactly as typed, with small settings: a few users for a second per route on both web
// processes. Here the launcher has made the production build the bench serves (`next build` takes minutes), so the
// test always runs. PostgreSQL when TEST_DATABASE_URL is set (CI), the embedded database otherwise.

test("npm run bench:load prints a line per route with its latency percentiles and no errors", async () => {
  test.setTimeout(240_000);
  const database = process.env.TEST_DATABASE_URL ? "postgres" : "embedded";
  const { stdout } = await promisify(exec)("npm run bench:load", {
    env: {
      ...process.env,
      BENCH_LOAD_DATABASES: database,
      BENCH_LOAD_CONNECTIONS: "4",
      BENCH_LOAD_DURATION: "1",
      BENCH_LOAD_REQUESTS: "16",
      BENCH_LOAD_CHECK_DAYS: "1",
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  for (const route of routes) {
    const line = stdout.split("\n").find((candidate) => candidate.startsWith(`${database} ${route.name}: `));
    expect(line, `no line for ${route.name}`).toBeDefined();
    expect(line).toMatch(/: [1-9]\d* requests · p50 \d+ ms · p95 \d+ ms · p99 \d+ ms · non-2xx 0 · errors 0$/);
  }
});
