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
// platform map laid out and painted (with the HTML, the API call and the layout on the way), the size of the
// /api/topology response at fit view, frame times and long tasks while panning and zooming, and on a large map (an
// overview of groups) zooming into the first group: its detail response, how long until it was painted, and panning and
// zooming in it.
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

type Motion = { frameP50: number; frameP95: number; frameMax: number; longTasks: number; longestTaskMs: number };

type Figures = {
  exposures: number;
  /** full: the whole graph; summary: the aggregate per hub and application side. */
  view: string;
  /** Graph nodes (full) or groups (summary) in the fit-view response. */
  items: number;
  payloadBytes: number;
  paintedMs: number;
  htmlMs: number;
  apiStartMs: number;
  apiEndMs: number;
  laidOutMs: number;
  /** The fit-view API call on the first visit, when the server's cache did not hold this map yet. */
  coldApiMs?: number;
  fitMotion: Motion;
  /** Zooming into the first group of the overview (summary only). */
  detail?: { exposures: number; nodes: number; payloadBytes: number; paintedMs: number; longestTaskMs: number };
  detailMotion?: Motion;
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

type BenchState = { frames: number[]; longTasks: number[]; recording: boolean };

async function stopRecording(page: Page): Promise<BenchState> {
  return page.evaluate(() => {
    const state = (window as unknown as { benchState: BenchState }).benchState;
    state.recording = false;
    return state;
  });
}

/** Drags the pane 40 steps, then zooms out 10 wheel steps and back in, recording frames and long tasks. */
async function panAndZoom(page: Page): Promise<Motion> {
  await page.evaluate(frameRecorder);
  const box = await page.locator(".topology-canvas .react-flow__pane").boundingBox();
  if (!box) throw new Error("no canvas to pan");
  const start = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.5 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 40; step++) await page.mouse.move(start.x - step * 8, start.y - step * 4);
  await page.mouse.up();
  // Out first, then back: on the overview, zooming in past the start would open a group's detail.
  for (const direction of [1, -1]) {
    for (let step = 0; step < 10; step++) {
      await page.mouse.wheel(0, direction * 120);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(300);
  const { frames, longTasks } = await stopRecording(page);
  const sorted = frames.slice(1).sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] ?? Number.NaN;
  return {
    frameP50: at(0.5),
    frameP95: at(0.95),
    frameMax: sorted.at(-1) ?? Number.NaN,
    longTasks: longTasks.filter((duration) => duration > 50).length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

/** The size of a response the page fetched, and its graph's counts, by fetching it again. */
async function responseOf(page: Page, url: string) {
  return page.evaluate(async (target) => {
    const body = await (await fetch(target)).text();
    const parsed = JSON.parse(body) as {
      view: string;
      graph?: { nodes: unknown[] };
      groups?: unknown[];
      exposures?: unknown[];
    };
    return {
      view: parsed.view,
      items: parsed.graph?.nodes.length ?? parsed.groups?.length ?? 0,
      exposures: parsed.exposures?.length ?? 0,
      payloadBytes: new TextEncoder().encode(body).length,
    };
  }, url);
}

/** Zooms in at the middle of the overview until the page shows the detail of the groups there; how long that took
 * and what it loaded. */
async function zoomIntoDetail(page: Page): Promise<NonNullable<Figures["detail"]>> {
  await page.evaluate(frameRecorder);
  const box = await page.locator(".topology-canvas .react-flow__pane").boundingBox();
  if (!box) throw new Error("no overview to zoom into");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const started = await page.evaluate(() => performance.now());
  const detail = page.locator('.platform-map[data-view="detail"] .topology-canvas[data-laid-out="true"]');
  for (let step = 0; step < 40 && !(await detail.count()); step++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(50);
  }
  await detail.waitFor({ timeout: 60_000 });
  const painted = await page.evaluate(
    () => performance.getEntriesByName("topology:painted").at(-1)?.startTime ?? Number.NaN,
  );
  const { longTasks } = await stopRecording(page);
  const url = await page.evaluate(
    () =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.includes("view=detail"))
        .at(-1) ?? "",
  );
  const { exposures, items, payloadBytes } = await responseOf(page, url);
  return {
    exposures,
    nodes: items,
    payloadBytes,
    paintedMs: painted - started,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

async function measure(page: Page, exposures: number): Promise<Figures> {
  await page.goto("/topology", { waitUntil: "commit" });
  const canvas = page.locator('.topology-canvas[data-laid-out="true"]');
  await canvas.waitFor({ timeout: 180_000 });
  const paintedMs = await page.evaluate(
    () => performance.getEntriesByName("topology:painted").at(-1)?.startTime ?? Number.NaN,
  );
  // Where the time went: the page's HTML, the API call (server time plus transfer, as the page saw it) and the
  // layout, each as milliseconds from navigation start.
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
  const { view, items, payloadBytes } = await responseOf(page, "/api/topology");
  const fitMotion = await panAndZoom(page);
  const figures: Figures = {
    exposures,
    view,
    items,
    payloadBytes,
    paintedMs,
    htmlMs: timeline.html ?? Number.NaN,
    apiStartMs: timeline.api?.startTime ?? Number.NaN,
    apiEndMs: timeline.api?.responseEnd ?? Number.NaN,
    laidOutMs: timeline.laidOut ?? Number.NaN,
    fitMotion,
  };
  if (view !== "summary") return figures;
  figures.detail = await zoomIntoDetail(page);
  figures.detailMotion = await panAndZoom(page);
  return figures;
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
      // Warm-up: the first visit compiles the page's code paths and fills the server's cache for this map.
      const cold = await measure(page, size);
      const figures = { ...(await measure(page, size)), coldApiMs: cold.apiEndMs - cold.apiStartMs };
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
    "| exposures | fit view (nodes or groups) | /api/topology at fit view | navigation → laid out and painted | HTML · API request · laid out (from navigation) | API call with a cold cache | frame p95 / max, long tasks > 50 ms (longest) panning and zooming at fit view | zoomed-in detail fetch (exposures, nodes) | zoom → detail painted (longest task) | frame p95 / max, long tasks > 50 ms (longest) panning and zooming the detail |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  const ms = (value: number) => `${Math.round(value)} ms`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const motion = (figures: Motion) =>
    `${ms(figures.frameP95)} / ${ms(figures.frameMax)}, ${figures.longTasks} (${ms(figures.longestTaskMs)})`;
  for (const row of results) {
    const { detail, detailMotion } = row;
    console.log(
      `| ${row.exposures} | ${row.view} (${row.items}) | ${mb(row.payloadBytes)} | ${ms(row.paintedMs)} | ${ms(row.htmlMs)} · ${ms(row.apiStartMs)}–${ms(row.apiEndMs)} · ${ms(row.laidOutMs)} | ${ms(row.coldApiMs ?? Number.NaN)} | ${motion(row.fitMotion)} | ${detail ? `${mb(detail.payloadBytes)} (${detail.exposures}, ${detail.nodes})` : "–"} | ${detail ? `${ms(detail.paintedMs)} (${ms(detail.longestTaskMs)})` : "–"} | ${detailMotion ? motion(detailMotion) : "–"} |`,
    );
  }
}

await main();
