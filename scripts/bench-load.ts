import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { z } from "zod";
import { seedLoadOrg, type LoadOrg } from "./bench/load-org";
import { loadRoute, routes, type RouteFigures, type SignedInUser } from "./bench/load-routes";
import { demoSessionCookie } from "./bench/load-sessions";
import { runToCompletion, startChild, stopChildren, type Child } from "@/launcher/child-processes";
import { waitForHealth } from "@/launcher/wait-for-health";
import type { Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { embeddedDatabaseUrl } from "@/lib/embedded/embedded-database-url";
import { findFreePort } from "@/lib/embedded/free-port";
import { createOnServer } from "@/lib/testing/test-database";

// `npm run bench:load`: BENCH_LOAD_CONNECTIONS (50) signed-in users, platform admins and requesters, on the portal's
// main pages and APIs, one route after another for BENCH_LOAD_DURATION seconds each, against BENCH_LOAD_WEB (2)
// `next start` processes of one production build. Once on PostgreSQL (a throwaway database on the server of
// TEST_DATABASE_URL, else DATABASE_URL) and once on the embedded database (PGlite over pglite-socket in a process of
// its own, as `npm start` runs it); BENCH_LOAD_DATABASES=postgres or embedded for one. The organisation has
// BENCH_LOAD_REQUESTS (300) exposure requests over eight application teams, each verified chain with
// BENCH_LOAD_CHECK_DAYS (7) days of the verify job's checks behind its latest. Prints a line per route and a table.
// On a shared machine run it under the e2e lock, since it uses the same .next build:
//   flock /tmp/gatehouse-e2e.lock npm run bench:load

const settings = z
  .object({
    BENCH_LOAD_CONNECTIONS: z.coerce.number().int().positive().default(50),
    BENCH_LOAD_DURATION: z.coerce.number().positive().default(10),
    BENCH_LOAD_REQUESTS: z.coerce.number().int().min(8).default(300),
    BENCH_LOAD_WEB: z.coerce.number().int().positive().default(2),
    BENCH_LOAD_CHECK_DAYS: z.coerce.number().int().nonnegative().default(7),
    BENCH_LOAD_DATABASES: z
      .string()
      .default("postgres,embedded")
      .transform((value) => value.split(","))
      .pipe(z.array(z.enum(["postgres", "embedded"])).nonempty()),
  })
  .parse(process.env);
const postgresServer = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxCli = require.resolve("tsx/cli");

/** A percentile, or a dash when no request finished within the run (autocannon drops the ones still in flight). */
const ms = (value: number) => (Number.isNaN(value) ? "–" : `${value} ms`);

type Database = { url: string; db: Db; close(): Promise<void> };

async function embeddedDatabase(): Promise<Database> {
  const port = await findFreePort();
  const child = startChild(
    "pglite",
    process.execPath,
    [tsxCli, "--conditions=react-server", "scripts/bench/embedded-database-process.ts", String(port)],
    process.env,
  );
  await new Promise<void>((resolve, reject) => {
    child.process.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    void child.exited.then((code) => reject(new Error(`the embedded database exited (code ${String(code)})`)));
  });
  const url = embeddedDatabaseUrl(port);
  await applyMigrations(url);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    async close() {
      await db.$disconnect();
      await stopChildren([child]);
    },
  };
}

async function postgresDatabase(): Promise<Database> {
  if (!postgresServer) throw new Error("set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server for this part");
  const database = await createOnServer(postgresServer);
  return { url: database.url, db: database.db, close: database.drop };
}

async function startWeb(databaseUrl: string): Promise<{ baseUrls: string[]; children: Child[] }> {
  const secret = randomBytes(32).toString("hex");
  const baseUrls: string[] = [];
  const children: Child[] = [];
  for (let index = 0; index < settings.BENCH_LOAD_WEB; index++) {
    const port = await findFreePort();
    const baseUrl = `http://localhost:${port}`;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      AUTH_URL: baseUrl,
      GATEHOUSE_DEMO: "true",
      GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
      AUTH_OIDC_ISSUER: "",
      // Every simulated user signs in from this one loopback address: its limit (20 a minute) is for one person.
      GATEHOUSE_RATE_LIMIT_SIGN_INS_PER_MINUTE: "1000",
    };
    children.push(
      startChild(`web${index + 1}`, process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env),
    );
    baseUrls.push(baseUrl);
  }
  await Promise.all(baseUrls.map((baseUrl) => waitForHealth(baseUrl, 120_000, Date.now())));
  return { baseUrls, children };
}

async function benchDatabase(kind: "postgres" | "embedded"): Promise<RouteFigures[]> {
  const database = kind === "postgres" ? await postgresDatabase() : await embeddedDatabase();
  let web: { baseUrls: string[]; children: Child[] } | undefined;
  try {
    const started = Date.now();
    const org: LoadOrg = await seedLoadOrg(database.db, settings.BENCH_LOAD_REQUESTS, settings.BENCH_LOAD_CHECK_DAYS);
    console.log(
      `${kind}: seeded ${settings.BENCH_LOAD_REQUESTS} requests with ${settings.BENCH_LOAD_CHECK_DAYS} days of checks, ${org.users.length} users (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    web = await startWeb(database.url);
    const [first = ""] = web.baseUrls;
    const users: SignedInUser[] = [];
    for (const user of org.users) users.push({ ...user, cookie: await demoSessionCookie(first, user.email) });
    const figures: RouteFigures[] = [];
    for (const route of routes) {
      const row = await loadRoute(route, {
        baseUrls: web.baseUrls,
        users,
        org,
        connections: settings.BENCH_LOAD_CONNECTIONS,
        duration: settings.BENCH_LOAD_DURATION,
      });
      figures.push(row);
      console.log(
        `${kind} ${row.route}: ${row.requests} requests · p50 ${ms(row.p50)} · p95 ${ms(row.p95)} · p99 ${ms(row.p99)} · non-2xx ${row.non2xx} · errors ${row.errors}`,
      );
    }
    return figures;
  } finally {
    if (web) await stopChildren(web.children);
    await database.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID"))
    await runToCompletion("build", process.execPath, [nextBin, "build"], {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  const results: [string, RouteFigures[]][] = [];
  for (const kind of settings.BENCH_LOAD_DATABASES) results.push([kind, await benchDatabase(kind)]);
  console.log(
    `\n${cpus().length} CPU(s), ${settings.BENCH_LOAD_CONNECTIONS} connections, ${settings.BENCH_LOAD_DURATION} s per route, ${settings.BENCH_LOAD_WEB} web processes`,
  );
  console.log("| database | route | requests | p50 | p95 | p99 | non-2xx | errors |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [kind, rows] of results)
    for (const row of rows)
      console.log(
        `| ${kind} | ${row.route} | ${row.requests} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.non2xx} | ${row.errors} |`,
      );
}

await main();
