import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { chromium, type Page } from "@playwright/test";
import { z } from "zod";
import { chromiumLaunchOptions } from "@/e2e/fixtures/chromium-launch";
import { runToCompletion, startChild, stopChildren } from "@/launcher/child-processes";
import { waitForHealth } from "@/launcher/wait-for-health";
import { findFreePort } from "@/lib/embedded/free-port";
import { createTestDatabase } from "@/lib/testing/test-database";
import { seedApplicationAccount, seedExposure, seedHub } from "@/lib/topology/testing/seed-exposures";
import type { FixtureOptions } from "@/lib/topology/testing/exposure-facts-fixture";

// `npm run bench:topology`: seeds 50, 200, 500, 2,000 and 5,000 exposures (BENCH_TOPOLOGY_SIZES=50,200 for fewer)
// across 20 accounts into a throwaway database, serves the
// production build (`next start`) on it, and measures the real /topology page in headless Chromium: navigation to the
// platform map laid out and painted (with the HTML, the API call and the layout on the way), the layout alone, and
// frame times while panning and zooming, and the size of the /api/topology response the map fetches.
// On a shared machine run it under the e2e lock, since it uses the same .next build:
//   flock /tmp/gatehouse-e2e.lock npm run bench:topology

const sizes = z
  .array(z.coerce.number().int().positive())
  .nonempty()
  .parse((process.env.BENCH_TOPOLOGY_SIZES ?? "50,200,500,2000,5000").split(","));
const accountCount = 20;
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

// In-page code goes in as text: tsx names functions with a helper the page does not have.
const frameRecorder = `(() => {
  const state = { frames: [], longTasks: [], recording: true };
  window.benchState = state;
  let last = performance.now();
  const loop = (now) => { state.frames.push(now - last); last = now; if (state.recording) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => state.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: "longtask" });
})()`;

type Figures = {
  exposures: number;
  nodes: number;
  edges: number;
  payloadBytes: number;
  paintedMs: number;
  htmlMs: number;
  apiStartMs: number;
  apiEndMs: number;
  laidOutMs: number;
  layoutMs: number;
  engine: string;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  longTasks: number;
  longestTaskMs: number;
};

function stageOf(index: number): FixtureOptions["stage"] {
  return index % 25 === 0 ? "broken" : index % 10 === 0 ? "provisioning" : "active";
}

async function seed(db: Parameters<typeof seedExposure>[0], from: number, to: number): Promise<void> {
  const hub = await seedHub(db, "v2");
  for (let index = from; index < to; index++) {
    const sourceAccountId = String(900000000000 + (index % accountCount));
    await seedApplicationAccount(db, sourceAccountId, index % 2 === 0 ? "payments" : "logistics");
    const scenario = index % 5 === 0 ? "remote_network" : "cross_account_nlb";
    await seedExposure(db, {
      hub,
      apiName: `bench-${index}`,
      stage: stageOf(index),
      scenario,
      sourceAccountId,
      teamSlug: index % 2 === 0 ? "payments" : "logistics",
    });
  }
}

async function measure(page: Page, exposures: number): Promise<Figures> {
  await page.goto("/topology", { waitUntil: "commit" });
  const canvas = page.locator('.topology-canvas[data-laid-out="true"]');
  await canvas.waitFor({ timeout: 180_000 });
  const paintedMs = await page.evaluate(
    () => performance.getEntriesByName("topology:painted").at(-1)?.startTime ?? Number.NaN,
  );
  // Where the time went: the page's HTML, the API call that loads and builds the graph (server time plus transfer, as
  // the page saw it) and the layout, each as milliseconds from navigation start.
  const timeline = await page.evaluate(() => ({
    html: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseEnd,
    api: performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname === "/api/topology")
      .map((entry) => ({
        startTime: entry.startTime,
        responseEnd: (entry as PerformanceResourceTiming).responseEnd,
      }))[0],
    laidOut: performance.getEntriesByName("topology:laid-out").at(-1)?.startTime,
  }));
  const layoutMs = Number(await canvas.getAttribute("data-layout-ms"));
  const engine = (await canvas.getAttribute("data-layout-engine")) ?? "?";
  const { counts, payloadBytes } = await page.evaluate(async () => {
    const body = await (await fetch("/api/topology")).text();
    return {
      counts: JSON.parse(body) as { graph: { nodes: unknown[]; edges: unknown[] } },
      payloadBytes: new TextEncoder().encode(body).length,
    };
  });

  await page.evaluate(frameRecorder);
  const box = await page.locator(".topology-canvas .react-flow__pane").boundingBox();
  if (!box) throw new Error("no canvas to pan");
  const start = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.5 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 40; step++) await page.mouse.move(start.x - step * 8, start.y - step * 4);
  await page.mouse.up();
  for (const direction of [-1, 1]) {
    for (let step = 0; step < 10; step++) {
      await page.mouse.wheel(0, direction * 120);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(300);
  const { frames, longTasks } = await page.evaluate(() => {
    const state = (window as unknown as { benchState: { frames: number[]; longTasks: number[]; recording: boolean } })
      .benchState;
    state.recording = false;
    return state;
  });
  const sorted = frames.slice(1).sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] ?? Number.NaN;
  return {
    exposures,
    nodes: counts.graph.nodes.length,
    edges: counts.graph.edges.length,
    payloadBytes,
    paintedMs,
    htmlMs: timeline.html ?? Number.NaN,
    apiStartMs: timeline.api?.startTime ?? Number.NaN,
    apiEndMs: timeline.api?.responseEnd ?? Number.NaN,
    laidOutMs: timeline.laidOut ?? Number.NaN,
    layoutMs,
    engine,
    frameP50: at(0.5),
    frameP95: at(0.95),
    frameMax: sorted.at(-1) ?? Number.NaN,
    longTasks: longTasks.filter((duration) => duration > 50).length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID"))
    await runToCompletion("build", process.execPath, [nextBin, "build"], {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  const database = await createTestDatabase();
  const port = await findFreePort();
  const baseURL = `http://localhost:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    AUTH_URL: baseURL,
    GATEHOUSE_DEMO: "true",
    GATEHOUSE_DEMO_ALLOW_EXTERNAL_DB: "true",
    AUTH_OIDC_ISSUER: "",
  };
  const web = startChild("web", process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results: Figures[] = [];
  try {
    await seedHub(database.db, "v2"); // the demo organisation, for signing in
    await waitForHealth(baseURL, 120_000, Date.now());
    const page = await browser.newPage({ baseURL, viewport: { width: 1600, height: 1000 } });
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in as Vic Viewer" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    let seeded = 0;
    for (const size of sizes) {
      const started = Date.now();
      await seed(database.db, seeded, size);
      seeded = size;
      console.log(`seeded ${size} exposures (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await measure(page, size); // warm-up: the first visit compiles the page's code paths
      const figures = await measure(page, size);
      results.push(figures);
      console.log(JSON.stringify(figures));
    }
  } finally {
    await browser.close();
    await stopChildren([web]);
    await database.drop();
  }
  console.log(`\n${cpus().length} CPU(s), ${cpus()[0]?.model ?? "unknown CPU"}, Chromium ${browser.version()}`);
  console.log(
    "| exposures | nodes / edges | /api/topology payload | navigation → laid out and painted | HTML · API request · laid out (from navigation) | layout and mapping (engine) | frame p50 / p95 / max while panning and zooming | long tasks > 50 ms (longest) |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  const ms = (value: number) => `${Math.round(value)} ms`;
  for (const row of results) {
    console.log(
      `| ${row.exposures} | ${row.nodes} / ${row.edges} | ${(row.payloadBytes / 1e6).toFixed(2)} MB | ${ms(row.paintedMs)} | ${ms(row.htmlMs)} · ${ms(row.apiStartMs)}–${ms(row.apiEndMs)} · ${ms(row.laidOutMs)} | ${ms(row.layoutMs)} (${row.engine}) | ${ms(row.frameP50)} / ${ms(row.frameP95)} / ${ms(row.frameMax)} | ${row.longTasks} (${ms(row.longestTaskMs)}) |`,
    );
  }
}

await main();
