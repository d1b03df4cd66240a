import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, simulatorUrl, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";
import { taggedResourcesAt } from "@/simulator/testing/tagged-resources";

// The request journeys on the embedded defaults, for both scenarios: a requester walks the wizard and previews the
// plan, cannot approve their own request (neither in the UI nor on the server), an admin approves, the worker builds
// the chain to active with live progress, Test invoke answers with the backend's reply, and the decommission goes
// through approval like a new request, after which the simulator holds nothing tagged with the request's id.

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/requests-${name}.png`, fullPage: true });
const suffix = Date.now().toString(36);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await ensureRequestWorld();
});

async function expectStatus(page: Page, status: string, timeout = 10_000) {
  await expect(page.getByRole("status", { name: "Request status" })).toHaveText(status, { timeout });
}

/** Waits for the chain to be active; a failed run fails the journey with the hop, AWS error and fix it shows. */
async function reachActive(requester: Page, scenario: string) {
  const status = requester.getByRole("status", { name: "Request status" });
  await expect(status).toHaveText(/^(active|failed)$/, { timeout: 120_000 });
  if ((await status.textContent()) === "failed") {
    await shot(requester, `${scenario}-failed-run`);
    const failure = requester.getByRole("alert").filter({ hasText: "Failed at" });
    throw new Error(`the run failed: ${(await failure.textContent()) ?? "no failure shown"}`);
  }
}

async function decide(page: Page, requestId: string, decision: "Approve" | "Reject") {
  await page.goto("/approvals");
  await page.locator(`a[href="/requests/${requestId}"]`).click();
  await page.getByRole("button", { name: decision }).click();
}

/** What the simulator holds, in every account, tagged with the request's id: its own state, not the portal's records. */
const taggedWith = (requestId: string) => taggedResourcesAt(simulatorUrl, "gatehouse:request-id", requestId);

async function approveDecommissionAndWait(requester: Page, admin: Page, requestId: string, scenario: string) {
  expect(await taggedWith(requestId), "the active chain's tagged resources").not.toEqual([]);
  await requester.getByRole("button", { name: "Request decommission" }).click();
  await expect(requester.getByRole("dialog")).toBeVisible();
  await shot(requester, `${scenario}-decommission-confirm`);
  await requester.getByRole("button", { name: "Yes, request decommission" }).click();
  await expectStatus(requester, "decommission pending");

  await admin.goto("/approvals?kind=decommission");
  await expect(admin.getByRole("table")).toContainText("decommission pending");
  await decide(admin, requestId, "Approve");
  await expectStatus(admin, "decommissioned", 60_000);
  await expectStatus(requester, "decommissioned", 60_000);
  await shot(requester, `${scenario}-decommissioned`);
  expect(await taggedWith(requestId)).toEqual([]);
}

test("scenario A: Paul requests the demo NLB, Ada approves, it goes active, answers, and is decommissioned", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const paul = await signedIn(browser, "Paul Payments");
  const apiName = `checkout-${suffix}`;

  await paul.goto("/requests");
  await paul.getByRole("link", { name: "New request" }).click();
  await expect(paul.getByRole("radio", { name: /Service in my AWS account/ })).toBeChecked();
  // Inline validation with the server's schema, before anything is sent.
  await paul.getByLabel("API name", { exact: true }).fill("<script>x</script>");
  await expect(
    paul.getByText("Use letters, digits, hyphens, underscores and dots, starting with a letter."),
  ).toBeVisible();
  await paul.getByLabel("Account", { exact: true }).selectOption("222222222222");
  await paul.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  const nlb = paul.getByRole("radio", { name: /k8s-payments-checkout-5f2a9c1e7b/ });
  await expect(nlb).toBeVisible({ timeout: 20_000 });
  await expect(paul.getByText("Kubernetes service payments/checkout-api")).toBeVisible();
  await nlb.check();
  await expect(paul.getByLabel("Listener port", { exact: true })).toHaveValue("80");
  await paul.getByLabel("API name", { exact: true }).fill(apiName);
  await paul.getByLabel("Justification", { exact: true }).fill("Hub consumers call checkout through a private API.");
  await expect(paul.getByRole("button", { name: "Submit request" })).toBeDisabled();
  await paul.getByRole("button", { name: "Preview plan" }).click();
  await expect(paul.getByRole("heading", { name: "Checks: 0 blockers" })).toBeVisible({ timeout: 30_000 });
  await expect(paul.locator('[data-check="loadBalancer.listener"]')).toContainText("listens on port 80");
  await expect(paul.getByRole("heading", { name: "Resource policy" })).toBeVisible();
  await shot(paul, "a-wizard-preview");
  await paul.getByRole("button", { name: "Submit request" }).click();
  await paul.waitForURL(/\/requests\/c[0-9a-f]{24}$/);
  const requestId = paul.url().split("/").at(-1) ?? "";
  await expectStatus(paul, "pending approval");
  await shot(paul, "a-submitted");

  // Paul cannot approve: no decision in the UI, and a 403 from the server (with a same-origin request).
  await expect(paul.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const refused = await paul.request.post(`/api/approvals/${requestId}`, {
    headers: { origin: baseURL ?? "" },
    data: { kind: "exposure", decision: "approved" },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toBe("Only platform admins may do this.");

  const ada = await signedIn(browser, "Ada Admin");
  await ada.goto("/approvals");
  await expect(ada.getByRole("table")).toContainText(apiName);
  await shot(ada, "a-approval-queue");
  await ada.locator(`a[href="/requests/${requestId}"]`).click();
  await expect(ada.getByRole("heading", { name: "Resource policy" })).toBeVisible();
  await expect(ada.getByRole("heading", { name: "Quota cost" })).toBeVisible();
  await ada.getByRole("button", { name: "Reject" }).click();
  await expect(ada.getByText("Say why the request is rejected; the team sees this comment.")).toBeVisible();
  await shot(ada, "a-approver-view");
  await ada.getByRole("button", { name: "Approve" }).click();

  // Live progress on Paul's page, without reloading it.
  await expect(paul.getByRole("heading", { name: /^Provisioning/ })).toBeVisible({ timeout: 20_000 });
  await reachActive(paul, "a");
  await expect(paul.getByRole("heading", { name: "Provisioning: succeeded" })).toBeVisible();
  await expect(paul.getByRole("list").filter({ hasText: "execute-api.eu-west-1.amazonaws.com/prod" })).toBeVisible();
  await expect(paul.getByRole("link", { name: /^arn:aws:elasticloadbalancing/ }).first()).toHaveAttribute(
    "href",
    /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\//,
  );
  await paul.getByRole("button", { name: "Test invoke" }).click();
  const result = paul.getByRole("region", { name: "Test invoke result" });
  await expect(result).toContainText("Status 200", { timeout: 20_000 });
  await expect(result).toContainText("checkout-api pod answering behind the EKS NLB");
  await shot(paul, "a-active-test-invoke");

  await approveDecommissionAndWait(paul, ada, requestId, "a");
});

test("scenario B: Lena requests the ledger service by IP, Grace approves, it goes active, answers, and is decommissioned", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lena = await signedIn(browser, "Lena Logistics");
  const apiName = `ledger-${suffix}`;

  await lena.goto("/requests/new");
  await lena.getByRole("radio", { name: /Service in another network by IP/ }).check();
  await lena.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  await lena.getByLabel("Network name", { exact: true }).fill("datacenter-frankfurt");
  await lena.getByLabel("IP addresses", { exact: true }).fill("8.8.8.8");
  await expect(lena.getByText("Only private addresses")).toBeVisible();
  await lena.getByLabel("IP addresses", { exact: true }).fill("192.168.77.10");
  await lena.getByLabel("Port", { exact: true }).fill("8080");
  await lena.getByLabel("API name", { exact: true }).fill(apiName);
  await lena.getByLabel("Justification", { exact: true }).fill("Logistics reads the ledger through the hub.");
  // An address the hub cannot route is a blocker: the preview says so and submission stays disabled.
  await lena.getByRole("button", { name: "Preview plan" }).click();
  await expect(lena.getByRole("heading", { name: "Checks: 1 blocker," })).toBeVisible({ timeout: 30_000 });
  await expect(lena.locator('[data-check="remoteIps.routed"]')).toContainText("no route to 192.168.77.10");
  await expect(lena.getByRole("button", { name: "Submit request" })).toBeDisabled();
  await shot(lena, "b-wizard-blocker");
  await lena.getByLabel("IP addresses", { exact: true }).fill("10.50.12.34");
  await lena.getByRole("button", { name: "Preview plan" }).click();
  await expect(lena.getByRole("heading", { name: "Checks: 0 blockers" })).toBeVisible({ timeout: 30_000 });
  await expect(lena.locator('[data-check="remoteIps.routed"]')).toContainText("10.50.0.0/16 via tgw-");
  await shot(lena, "b-wizard-preview");
  await lena.getByRole("button", { name: "Submit request" }).click();
  await lena.waitForURL(/\/requests\/c[0-9a-f]{24}$/);
  const requestId = lena.url().split("/").at(-1) ?? "";
  await expectStatus(lena, "pending approval");

  await lena.goto(`/requests?q=${apiName}`);
  await expect(lena.getByRole("table")).toContainText(apiName);
  await shot(lena, "b-my-requests");
  await lena.goto(`/requests/${requestId}`);

  const grace = await signedIn(browser, "Grace Admin");
  await decide(grace, requestId, "Approve");
  await reachActive(lena, "b");
  await lena.getByRole("button", { name: "Test invoke" }).click();
  const result = lena.getByRole("region", { name: "Test invoke result" });
  await expect(result).toContainText("Status 200", { timeout: 20_000 });
  await expect(result).toContainText("ledger-service answering in datacenter-frankfurt");
  await shot(lena, "b-active-test-invoke");

  await approveDecommissionAndWait(lena, grace, requestId, "b");
});

test("a requester withdraws a pending request; another team cannot see it", async ({ browser, baseURL }) => {
  const lena = await signedIn(browser, "Lena Logistics");
  await lena.goto("/requests/new");
  await lena.getByRole("radio", { name: /Service in another network by IP/ }).check();
  await lena.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  await lena.getByLabel("Network name", { exact: true }).fill("datacenter-frankfurt");
  await lena.getByLabel("IP addresses", { exact: true }).fill("10.50.12.34");
  await lena.getByLabel("Port", { exact: true }).fill("8080");
  await lena.getByLabel("API name", { exact: true }).fill(`withdrawn-${suffix}`);
  await lena.getByLabel("Justification", { exact: true }).fill("Trying the wizard, will withdraw.");
  await lena.getByRole("button", { name: "Preview plan" }).click();
  await expect(lena.getByRole("heading", { name: "Checks: 0 blockers" })).toBeVisible({ timeout: 30_000 });
  await lena.getByRole("button", { name: "Submit request" }).click();
  await lena.waitForURL(/\/requests\/c[0-9a-f]{24}$/);
  const requestId = lena.url().split("/").at(-1) ?? "";

  const paul = await signedIn(browser, "Paul Payments");
  // Another team's request does not exist for Paul: reading it and withdrawing it are both 404.
  expect((await paul.request.get(`/api/requests/${requestId}`)).status()).toBe(404);
  expect(
    (await paul.request.post(`/api/requests/${requestId}/withdraw`, { headers: { origin: baseURL ?? "" } })).status(),
  ).toBe(404);

  await lena.getByRole("button", { name: "Withdraw request" }).click();
  await expectStatus(lena, "withdrawn");
  await expect(lena.getByRole("button", { name: "Withdraw request" })).toHaveCount(0);
  await shot(lena, "withdrawn");
});

test("an admin who submitted a request or asked for its decommission sees why another admin must decide", async ({
  browser,
}) => {
  const { ownId, retiringId } = await withWorldDatabase(async (db) => {
    const [ada, paul, payments, hub] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } }),
      db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } }),
      db.team.findUniqueOrThrow({ where: { slug: "payments" } }),
      db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } }),
    ]);
    const request = (apiName: string, requesterId: string, status: "pending_approval" | "decommission_pending") =>
      db.exposureRequest.create({
        data: {
          teamId: payments.id,
          hubId: hub.id,
          scenario: "remote_network",
          remoteNetworkName: "datacenter-frankfurt",
          remoteIps: ["10.50.12.34"],
          port: 8080,
          stageName: "prod",
          justification: "Four-eyes fixture.",
          apiName,
          requesterId,
          status,
        },
      });
    const own = await request(`own-${suffix}`, ada.id, "pending_approval");
    const retiring = await request(`retiring-${suffix}`, paul.id, "decommission_pending");
    await db.auditEvent.create({
      data: {
        actorId: ada.id,
        actorLabel: ada.email,
        action: "request.decommission_requested",
        targetType: "request",
        targetId: retiring.id,
      },
    });
    return { ownId: own.id, retiringId: retiring.id };
  });
  try {
    const ada = await signedIn(browser, "Ada Admin");
    await ada.goto(`/requests/${ownId}`);
    await expect(ada.getByText("You submitted this request, so another platform admin must decide it")).toBeVisible();
    await expect(ada.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await ada.goto(`/requests/${retiringId}`);
    await expect(
      ada.getByText("You asked for this decommission, so another platform admin must decide it"),
    ).toBeVisible();
    await expect(ada.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await shot(ada, "four-eyes");
    const grace = await signedIn(browser, "Grace Admin");
    await grace.goto(`/requests/${retiringId}`);
    await expect(grace.getByRole("button", { name: "Approve" })).toBeVisible();
  } finally {
    await withWorldDatabase((db) =>
      db.exposureRequest.updateMany({ where: { id: { in: [ownId, retiringId] } }, data: { status: "withdrawn" } }),
    );
  }
});

test("the wizard places on the hub with most headroom when two serve the region, and names whom to ask when none does", async ({
  browser,
}) => {
  const second = await withWorldDatabase(async (db) => {
    const platform = await db.team.findUniqueOrThrow({ where: { slug: "platform" } });
    const account = await db.awsAccount.create({
      data: {
        accountId: "444444444444",
        alias: "platform-hub-2",
        kind: "platform",
        regions: ["eu-west-1"],
        roleArn: "arn:aws:iam::444444444444:role/GatehouseProvisioner",
        externalId: `gh-e2e-${suffix}`,
        owningTeamId: platform.id,
        verifiedAt: new Date(),
      },
    });
    await db.platformHub.create({
      data: {
        accountId: account.id,
        region: "eu-west-1",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
        securityGroupIds: ["sg-0123456789abcdef0"],
        executeApiEndpointId: "vpce-0123456789abcdef0",
        linkMode: "v2",
      },
    });
    await db.awsAccount.update({
      where: { accountId: "222222222222" },
      data: { regions: ["eu-west-1", "eu-central-1"] },
    });
    return account;
  });
  try {
    const paul = await signedIn(browser, "Paul Payments");
    await paul.goto("/requests/new");
    await paul.getByLabel("Account", { exact: true }).selectOption("222222222222");
    await expect(paul.getByRole("option", { name: "eu-central-1 (no hub)" })).toHaveCount(1);
    await paul.getByLabel("Region", { exact: true }).selectOption("eu-central-1");
    await expect(paul.getByLabel("Region", { exact: true })).toHaveAccessibleDescription(
      /No platform hub serves eu-central-1: .*ask the platform team to configure a hub in eu-central-1/,
    );
    await paul.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
    const hub = paul.getByLabel("Platform hub", { exact: true });
    await expect(hub.getByRole("option")).toHaveText([
      "Placed by Gatehouse (most headroom)",
      "platform-hub (111111111111), link mode V1",
      "platform-hub-2 (444444444444), link mode V2",
    ]);
    await expect(hub).toHaveValue("");
    const nlb = paul.getByRole("radio", { name: /k8s-payments-checkout-5f2a9c1e7b/ });
    await expect(nlb).toBeVisible({ timeout: 20_000 });
    await nlb.check();
    await paul.getByLabel("API name", { exact: true }).fill(`placed-${suffix}`);
    await paul.getByLabel("Justification", { exact: true }).fill("Placement picks the hub.");
    await paul.getByRole("button", { name: "Preview plan" }).click();
    // The second account has no Gatehouse role in the simulator: its quotas cannot be read, so it is not chosen blind.
    await expect(paul.getByRole("heading", { name: "Platform hub: platform-hub (111111111111)" })).toBeVisible({
      timeout: 30_000,
    });
    await expect(paul.getByTestId("placement-reason")).toContainText("the most headroom in eu-west-1");
    await expect(paul.getByTestId("placement-reason")).toContainText(
      "platform-hub-2 (444444444444) quotas could not be read",
    );
    await shot(paul, "hub-choice");
  } finally {
    await withWorldDatabase(async (db) => {
      await db.platformHub.deleteMany({ where: { accountId: second.id } });
      await db.awsAccount.delete({ where: { id: second.id } });
      await db.awsAccount.update({ where: { accountId: "222222222222" }, data: { regions: ["eu-west-1"] } });
    });
  }
});
