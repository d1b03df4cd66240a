import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";
import { ensureRequestWorld } from "./fixtures/request-world";
import {
  deleteListenersOutsideGatehouse,
  liveHubId,
  platformAggregate,
  seedTopologyData,
  type SeededTopology,
} from "./fixtures/topology-data";

test.describe.configure({ mode: "serial" });

let seeded: SeededTopology;

test.beforeAll(async () => {
  // The demo landscape's hub first: the seeded hubs live in accounts the simulator does not know.
  await ensureRequestWorld();
  seeded = await seedTopologyData();
});

const canvas = (page: Page) => page.locator(".topology-canvas");
const nodeKinds = (page: Page) =>
  canvas(page)
    .locator(".react-flow__node-resource .topology-node")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-kind")));
const nodeOf = (page: Page, kind: string) =>
  canvas(page).locator(`.react-flow__node .topology-node[data-kind="${kind}"]`);

async function openRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(`/topology/${requestId}`);
  await expect(canvas(page)).toHaveAttribute("data-laid-out", "true");
}

test("the request view draws scenario A's chain with account and VPC boundaries (V1 link)", async ({ page }) => {
  await signInAs(page, "Vic Viewer");
  await openRequest(page, seeded.activeV1.id);
  expect((await nodeKinds(page)).sort()).toEqual([
    "application-nlb",
    "consumer-vpc",
    "endpoint-service",
    "execute-api-endpoint",
    "interface-endpoint",
    "platform-nlb",
    "rest-api",
    "service",
    "target-group",
    "vpc-link",
  ]);
  await expect(canvas(page).locator(".react-flow__edge")).toHaveCount(9);
  await expect(canvas(page).locator(".react-flow__edge.hop-privatelink")).toHaveCount(1);
  await expect(canvas(page).locator(".group-label")).toHaveText([
    "Platform account platform-hub-v1 (999999999901)",
    "Application account app-9922 (999999999922)",
    "Hub VPC vpc-hub-v1",
    "Application VPC",
  ]);
  await expect(nodeOf(page, "vpc-link")).toContainText("VPC link (V1)");
  await expect(canvas(page).locator('.react-flow__node .topology-node:not([data-state="healthy"])')).toHaveCount(0);
  await page.screenshot({ path: "artifacts/screenshots/topology-request-cross-account.png", fullPage: true });
});

test("at fit view on the request page, every node's title and state read at 11 px or more (1440 × 900)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, "Ada Admin");
  await page.goto(`/requests/${seeded.activeV1.id}`);
  await expect(canvas(page)).toHaveAttribute("data-laid-out", "true");
  // The on-screen size of a text is its font size times the canvas's zoom (the viewport's scale).
  const screenSizes = () =>
    canvas(page).evaluate((element) => {
      const viewport = element.querySelector<HTMLElement>(".react-flow__viewport");
      const zoom = new DOMMatrixReadOnly(viewport ? getComputedStyle(viewport).transform : "none").a;
      return [...element.querySelectorAll(".topology-node strong, .topology-node .state-badge")].map(
        (text) => parseFloat(getComputedStyle(text).fontSize) * zoom,
      );
    });
  await expect.poll(async () => (await screenSizes()).length).toBe(20);
  await expect.poll(async () => Math.min(...(await screenSizes()))).toBeGreaterThanOrEqual(11);
  // Fit view: every node is inside the canvas.
  const frame = await canvas(page).boundingBox();
  for (const box of await canvas(page)
    .locator(".react-flow__node-resource")
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(frame?.x ?? 0);
    expect(box.right).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0) + 1);
  }
  await canvas(page).screenshot({ path: "artifacts/screenshots/topology-request-fit.png" });
});

test("the request view follows the lifecycle: plan, provisioning, active, decommissioned", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  await openRequest(page, seeded.planV1.id);
  await expect(nodeOf(page, "rest-api")).toHaveAttribute("data-state", "planned");
  await expect(nodeOf(page, "rest-api")).toContainText("Will be created");
  // All but the consumer's call into the endpoint and the application NLB's own hop to its service.
  await expect(canvas(page).locator(".react-flow__edge.state-planned")).toHaveCount(7);

  await openRequest(page, seeded.provisioningV1.id);
  await expect(nodeOf(page, "endpoint-service")).toHaveAttribute("data-state", "healthy");
  await expect(canvas(page).locator('.react-flow__node .topology-node[data-state="creating"]')).not.toHaveCount(0);
  await expect(nodeOf(page, "rest-api")).toHaveAttribute("data-state", "planned");

  await openRequest(page, seeded.decommissioned.id);
  await expect(nodeOf(page, "platform-nlb")).toHaveAttribute("data-state", "deleted");
  await expect(nodeOf(page, "execute-api-endpoint")).toHaveAttribute("data-state", "healthy");
});

test("scenario B ends in the remote network through the transit gateway (shared V2 link)", async ({ page }) => {
  await signInAs(page, "Lena Logistics");
  await openRequest(page, seeded.remotePlanV2.id);
  expect((await nodeKinds(page)).sort()).toEqual([
    "consumer-vpc",
    "execute-api-endpoint",
    "ip-targets",
    "platform-nlb",
    "remote-network",
    "rest-api",
    "target-group",
    "transit-gateway",
    "vpc-link",
  ]);
  await expect(nodeOf(page, "vpc-link")).toContainText("Shared VPC link (V2)");
  await expect(nodeOf(page, "vpc-link")).toHaveAttribute("data-state", "healthy");
  await expect(nodeOf(page, "ip-targets")).toHaveAttribute("data-state", "planned");
  await expect(canvas(page).locator(".group-label", { hasText: "Remote network datacenter-frankfurt" })).toBeVisible();

  await openRequest(page, seeded.remoteV1.id);
  await expect(canvas(page).locator(".react-flow__edge.hop-routed")).toHaveCount(2);
  await expect(nodeOf(page, "vpc-link")).toContainText("VPC link (V1)");
  await expect(canvas(page).locator('.react-flow__node .topology-node:not([data-state="healthy"])')).toHaveCount(0);
  await page.screenshot({ path: "artifacts/screenshots/topology-request-remote-network.png", fullPage: true });
});

test("a requester sees their team's chains and the shared hub; another team's chain is not found", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  const map = await page.request.get("/api/topology");
  expect(map.status()).toBe(200);
  const body = await map.text();
  expect(body).toContain(seeded.activeV1.apiName);
  expect(body).toContain("execute-api-endpoint");
  expect(body).not.toContain(seeded.remoteV1.apiName);
  expect(body).not.toContain(seeded.remoteV1.id);

  expect((await page.request.get(`/api/topology?requestId=${seeded.remoteV1.id}`)).status()).toBe(404);
  const other = await page.goto(`/topology/${seeded.remoteV1.id}`);
  expect(other?.status()).toBe(404);
  await page.screenshot({ path: "artifacts/screenshots/topology-other-team-not-found.png", fullPage: true });
});

test("a listener deleted in AWS shows as a broken hop with AWS's reason once an admin verifies the chain", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const origin = { origin: baseURL ?? "" };
  // Paul requests the demo NLB through the portal's API and Ada approves; the worker provisions it in the simulator.
  const paul = await (await browser.newContext()).newPage();
  await signInAs(paul, "Paul Payments");
  const options = (await (await paul.request.get("/api/requests/options")).json()) as {
    teams: { id: string; name: string }[];
  };
  const balancers = (await (
    await paul.request.get("/api/requests/load-balancers?accountId=222222222222&region=eu-west-1")
  ).json()) as { arn: string; kubernetesService?: string }[];
  const submitted = await paul.request.post("/api/requests", {
    headers: origin,
    data: {
      scenario: "cross_account_nlb",
      teamId: options.teams.find((team) => team.name === "Payments")?.id,
      accountId: "222222222222",
      loadBalancerArn: balancers.find((balancer) => balancer.kubernetesService === "payments/checkout-api")?.arn,
      region: "eu-west-1",
      hubId: await liveHubId(),
      port: 80,
      apiName: `verify-live${Date.now().toString(36)}`,
      stageName: "prod",
      justification: "Topology e2e: a chain broken outside Gatehouse.",
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const { id } = (await submitted.json()) as { id: string };
  await signInAs(page, "Ada Admin");
  const approved = await page.request.post(`/api/approvals/${id}`, {
    headers: origin,
    data: { kind: "exposure", decision: "approved" },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  const details = async () =>
    (await (await page.request.get(`/api/requests/${id}`)).json()) as {
      status: string;
      resources: { kind: string; identifier: string }[];
    };
  await expect.poll(async () => (await details()).status, { timeout: 120_000 }).toMatch(/^(active|failed)$/);
  const provisioned = await details();
  expect(provisioned.status).toBe("active");

  const nlb = provisioned.resources.find((resource) => resource.kind === "load-balancer")?.identifier ?? "";
  expect(await deleteListenersOutsideGatehouse(nlb)).toBe(1);

  await page.goto(`/requests/${id}`);
  await expect(canvas(page)).toHaveAttribute("data-laid-out", "true");
  // The real endpoint's ENIs, per zone of the hub VPC.
  await expect(nodeOf(page, "interface-endpoint")).toContainText(/ENIs in eu-west-1\w/);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByRole("status", { name: "Verify result" })).toContainText("Broken at");
  const listener = canvas(page).getByTestId(`rf__edge-request:${id}:nlb->request:${id}:tg`);
  await expect(listener).toHaveClass(/state-failed/);
  await listener.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Details" });
  await expect(panel.getByTestId("details-state")).toHaveText("✕ Failed");
  await expect(panel.getByTestId("details-reason")).toHaveText("no listener on port 80");
  await expect(panel).toContainText("TCP listener to the target group (listener.create)");
  await page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Topology", exact: true }) })
    .screenshot({ path: "artifacts/screenshots/topology-request-broken-hop.png" });

  // Verifying is a platform admin's operation, decided on the server.
  expect((await paul.request.post(`/api/requests/${id}/verify`, { headers: origin })).status()).toBe(403);
  await paul.goto(`/requests/${id}`);
  await expect(canvas(paul)).toHaveAttribute("data-laid-out", "true");
  await expect(paul.getByRole("button", { name: "Verify now" })).toHaveCount(0);
});

test("a node's side panel names its IDs, the step that created it and links to the AWS console, by keyboard", async ({
  page,
}) => {
  await signInAs(page, "Vic Viewer");
  await openRequest(page, seeded.activeV1.id);
  await canvas(page)
    .locator(".react-flow__node", { has: page.locator('[data-kind="rest-api"]') })
    .focus();
  await page.keyboard.press("Enter");
  const details = page.getByRole("complementary", { name: "Details" });
  await expect(details).toContainText(`api-${seeded.activeV1.apiName}`);
  await expect(details).toContainText("Private REST API with its resource policy (restApi.create)");
  await expect(details).toContainText("Last verified");
  await expect(details.getByRole("link", { name: "Open in the AWS console" })).toHaveAttribute(
    "href",
    `https://eu-west-1.console.aws.amazon.com/apigateway/main/apis/api-${seeded.activeV1.apiName}/resources?api=api-${seeded.activeV1.apiName}&region=eu-west-1`,
  );
});

test("the platform map filters, searches and centres on a node", async ({ page }) => {
  await signInAs(page, "Vic Viewer");
  await page.goto("/topology");
  await expect(canvas(page)).toHaveAttribute("data-laid-out", "true");
  await expect(canvas(page).getByRole("img", { name: "Minimap" })).toBeVisible();
  const apiNames = () => nodeOf(page, "rest-api").locator("strong").allTextContents();
  // Pending (plan) and decommissioned requests are not on the map; every active and in-flight one is.
  expect(
    (await apiNames()).some(
      (name) => name.includes(seeded.planV1.apiName) || name.includes(seeded.decommissioned.apiName),
    ),
  ).toBe(false);
  // Other specs share this database: count only the APIs this spec seeded (their names carry its suffix).
  const suffix = seeded.activeV1.apiName.split("-").at(-1) ?? "";
  const ours = async () => (await apiNames()).filter((name) => name.includes(`-${suffix}`)).length;
  await expect.poll(ours).toBe(5);
  // The two seeded hubs' execute-api endpoints, drawn once each however many APIs use them.
  await expect
    .poll(() => canvas(page).locator(".react-flow__node .topology-node[data-kind='execute-api-endpoint']").count())
    .toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: "artifacts/screenshots/topology-platform-map.png", fullPage: true });

  await page.getByLabel("Scenario").selectOption({ label: "Other network by IP" });
  await expect(canvas(page)).toHaveAttribute("data-laid-out", "true");
  await expect.poll(ours).toBe(1);
  expect((await apiNames()).filter((name) => name.includes(`-${suffix}`))).toEqual([
    expect.stringContaining(seeded.remoteV1.apiName),
  ]);
  await page.getByLabel("Scenario").selectOption({ label: "All" });
  await page.getByLabel("Team").selectOption("Payments");
  await expect.poll(ours).toBe(4);

  await page.getByLabel("Find a resource").fill(`vpce-svc-${seeded.brokenV1.apiName}`);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.locator(".react-flow__node.selected .topology-node")).toHaveAttribute(
    "data-kind",
    "endpoint-service",
  );
  await expect(page.getByRole("complementary", { name: "Details" })).toContainText(
    `vpce-svc-${seeded.brokenV1.apiName}`,
  );
  const offCentre = async () => {
    const selected = await page.locator(".react-flow__node.selected").boundingBox();
    const view = await canvas(page).boundingBox();
    return selected && view
      ? Math.abs(selected.x + selected.width / 2 - (view.x + view.width / 2))
      : Number.POSITIVE_INFINITY;
  };
  await expect.poll(offCentre).toBeLessThan(40);
});

test("a large platform map opens on an overview per hub and account; zooming into a card draws its detail", async ({
  page,
}) => {
  // Seeding the hundred-odd exposures that make a map large would slow every spec sharing this database, so the map's
  // first answer is the aggregate the server builds for a large map, of this database's exposures; the detail is the
  // server's own.
  const groups = await platformAggregate();
  await page.route(
    (url) => url.pathname === "/api/topology" && url.search === "",
    (route) => route.fulfill({ json: { view: "summary", groups, exposureCount: 200, inFlight: false } }),
  );
  await signInAs(page, "Vic Viewer");
  await page.goto("/topology");
  const overview = page.locator('.platform-map[data-view="summary"]');
  await expect(overview.locator(".topology-canvas")).toHaveAttribute("data-laid-out", "true");
  // The V1 hub's group of the payments account (the V2 hub has one for the same account).
  const v1Group = groups.find(
    ({ hub, side }) => hub.accountId === "999999999901" && side.kind === "account" && side.accountId === "999999999922",
  );
  const card = overview.locator(`.overview-card[data-group="${v1Group?.id}"]`);
  await expect(card).toContainText("exposures");
  await expect(overview.locator(".group-label", { hasText: "Platform account platform-hub-v1" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/topology-platform-overview.png", fullPage: true });

  // Zooming in on a card until it fills the view opens its group's detail: that hub and account's chains only.
  const box = await card.boundingBox();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  const detail = page.locator('.platform-map[data-view="detail"]');
  await expect(async () => {
    await page.mouse.wheel(0, -240);
    await expect(detail.locator(".topology-canvas")).toHaveAttribute("data-laid-out", "true", { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  const apiNames = nodeOf(page, "rest-api").locator("strong");
  await expect(apiNames.filter({ hasText: seeded.activeV1.apiName })).toHaveCount(1);
  await expect(apiNames.filter({ hasText: seeded.remoteV1.apiName })).toHaveCount(0);
  await expect(apiNames.filter({ hasText: seeded.activeV2.apiName })).toHaveCount(0);

  await page.getByRole("button", { name: "Back to the overview" }).click();
  await expect(overview).toBeVisible();
});

test("export produces a non-empty PNG and a valid SVG", async ({ page }) => {
  await signInAs(page, "Vic Viewer");
  await openRequest(page, seeded.activeV2.id);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export PNG" }).click(),
  ]);
  const pngBytes = await readFile(await png.path());
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect(pngBytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(pngBytes.length).toBeGreaterThan(5_000);

  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export SVG" }).click(),
  ]);
  const svgText = await readFile(await svg.path(), "utf8");
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      root: document.documentElement.nodeName,
      errors: document.getElementsByTagName("parsererror").length,
      text: document.documentElement.textContent ?? "",
    };
  }, svgText);
  expect(parsed).toMatchObject({ root: "svg", errors: 0 });
  expect(parsed.text).toContain(seeded.activeV2.apiName);
});

test("the topology API needs a session", async ({ request }) => {
  const response = await request.get("/api/topology");
  expect(response.status()).toBe(401);
});
