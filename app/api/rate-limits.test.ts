import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { Db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { windowStartOf } from "@/lib/rate-limits/count-hit";
import { enforceRateLimit } from "@/lib/rate-limits/enforce-rate-limit";
import { limitSignIn } from "@/lib/rate-limits/limit-sign-in";
import { remoteNetworkRequestBody, seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { session } from "@/lib/testing/session-stand-in";
import { useSimulatorAsAws } from "@/lib/testing/simulator-as-aws";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { assumeDemoRole, demoRoles } from "@/simulator/testing/demo-roles";
import { discoverHub } from "@/simulator/testing/link-chain";
import { startSimulator, type RunningSimulator } from "@/simulator/server";

// Rate limits through the real route handlers, a real PostgreSQL and the simulator: forty previews in a row run the
// first twenty (the default limit) and answer the rest 429 with Retry-After; another web process (its own database
// client) and the /api/v1 door see the same count; the next window starts again.

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

let database: TestDatabase;
let otherProcess: Db;
let sim: RunningSimulator;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
const savedEnv = { ...process.env };
const host = "http://gatehouse.test";

const preview = (body: unknown) =>
  new Request(`${host}/api/requests/preview`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "gatehouse.test", origin: host },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  [database, sim] = await Promise.all([createTestDatabase(), startSimulator({ profile: "instant" })]);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_URL = host; // the portal origin mutations must come from (lib/http/same-origin.ts)
  useSimulatorAsAws(sim);
  const hub = await discoverHub(await assumeDemoRole(sim, demoRoles.platform));
  world = await seedRequestWorld(database.db, {
    vpcId: hub.vpcId,
    subnetIds: hub.subnetIds,
    securityGroupIds: [hub.securityGroupId],
    executeApiEndpointId: hub.executeApiEndpointId,
  });
  otherProcess = createPrismaClient(database.url);
});

afterAll(async () => {
  process.env = savedEnv;
  await otherProcess.$disconnect();
  await Promise.all([database.drop(), sim.close()]);
});

/** The forty previews must fall in one minute's window: start them early in a window, not seconds before it ends. */
async function awaitFreshWindow(): Promise<void> {
  const msLeft = windowStartOf(new Date(), 60).getTime() + 60_000 - Date.now();
  if (msLeft < 20_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100));
}

describe("rate limits on what calls AWS", () => {
  it("runs twenty previews a minute, then answers 429 with Retry-After, shared by every process and /api/v1", async () => {
    const { POST } = await import("@/app/api/requests/preview/route");
    const paul = world.userNamed("Paul Payments");
    session.user = paul;
    await awaitFreshWindow();
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let attempt = 1; attempt <= 40; attempt++) {
      const response = await POST(preview(remoteNetworkRequestBody(world)));
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(20).fill(429));

    const retryAfter = Number(refused?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused?.json()).toEqual({
      code: "RATE_LIMITED",
      message: expect.stringMatching(
        /^Too many request previews and submissions: at most 20 a minute\. Try again in \d+ seconds\.$/,
      ),
      retryAfterSeconds: retryAfter,
    });

    // Another web process counts into the same row.
    await expect(enforceRateLimit(otherProcess, "previews", paul.id)).rejects.toMatchObject({ code: "RATE_LIMITED" });

    // A token's submission through /api/v1 is a dry run too: refused before it reaches AWS.
    const { secret } = await createApiToken(database.db, paul, {
      name: "ci",
      scopes: ["requests:write"],
      expiresInDays: 1,
    });
    const v1 = await import("@/app/api/v1/requests/route");
    const submitted = await v1.POST(
      new Request(`${host}/api/v1/requests`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify(remoteNetworkRequestBody(world)),
      }),
      { params: Promise.resolve({}) },
    );
    expect(submitted.status).toBe(429);
    expect(submitted.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await database.db.exposureRequest.count()).toBe(0);

    // Another user has a count of their own.
    session.user = world.userNamed("Lena Logistics");
    const logistics = { ...remoteNetworkRequestBody(world), teamId: world.teams.logistics };
    expect((await POST(preview(logistics))).status).toBe(200);
  }, 90_000);

  it("counts concurrent hits from two processes exactly, and starts again in the next window", async () => {
    const now = new Date();
    const hits = Array.from({ length: 30 }, (_, index) =>
      enforceRateLimit(index % 2 === 0 ? database.db : otherProcess, "previews", "concurrent-user", { now }).then(
        () => "ran",
        (error: { code?: string }) => error.code,
      ),
    );
    const outcomes = await Promise.all(hits);
    expect(outcomes.filter((outcome) => outcome === "ran")).toHaveLength(20);
    expect(outcomes.filter((outcome) => outcome === "RATE_LIMITED")).toHaveLength(10);

    const nextWindow = new Date(windowStartOf(now, 60).getTime() + 60_000);
    await expect(
      enforceRateLimit(otherProcess, "previews", "concurrent-user", { now: nextWindow }),
    ).resolves.toBeUndefined();
    const row = await database.db.rateLimitCounter.findUniqueOrThrow({ where: { key: "previews:concurrent-user" } });
    expect(row).toMatchObject({ count: 1, windowStart: nextWindow });
  });

  it("says how many seconds are left of the window", async () => {
    const windowStart = windowStartOf(new Date(), 60);
    const late = new Date(windowStart.getTime() + 45_500);
    for (let hit = 0; hit < 10; hit++) await enforceRateLimit(database.db, "testInvokes", "late-user", { now: late });
    await expect(enforceRateLimit(database.db, "testInvokes", "late-user", { now: late })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 15,
      message: "Too many test invocations: at most 10 a minute. Try again in 15 seconds.",
    });
  });
});

describe("rate limits on sign-in", () => {
  const signIn = (email: string, address: string) =>
    new Request(`${host}/api/auth/callback/demo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
      body: new URLSearchParams({ email, csrfToken: "x" }).toString(),
    });

  it("counts attempts per email across client addresses, and per client address across emails", async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      await limitSignIn(database.db, signIn("ada.admin@gatehouse.demo", `192.0.2.${attempt}`), ["callback", "demo"]);
    }
    await expect(
      limitSignIn(database.db, signIn("ADA.admin@gatehouse.demo", "192.0.2.99"), ["callback", "demo"]),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });

    for (let attempt = 0; attempt < 20; attempt++) {
      await limitSignIn(database.db, signIn(`guess${attempt}@gatehouse.demo`, "198.51.100.7"), ["callback", "demo"]);
    }
    const oidcCallback = new Request(`${host}/api/auth/callback/oidc?code=x&state=y`, {
      headers: { "x-forwarded-for": "198.51.100.7" },
    });
    await expect(limitSignIn(database.db, oidcCallback, ["callback", "oidc"])).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("leaves next-auth's other routes alone", async () => {
    const session = new Request(`${host}/api/auth/session`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    await expect(limitSignIn(database.db, session, ["session"])).resolves.toBeUndefined();
  });
});
