import { expect, test } from "@playwright/test";
import { ensureRequestWorld, simulatorUrl, withWorldDatabase } from "./fixtures/request-world";
import { signInAs } from "./fixtures/sign-in";
import { ledgerRequestAnswers } from "@/lib/requests/testing/seed-request-world";

// Each role's home once the platform is in use: a request waiting for a decision (for five hours), one whose run
// failed at a hop, one rejected, and one whose chain the last verify found broken, written straight into the
// launcher's database (and removed afterwards, so the journeys after this one see the state they expect).

const suffix = Date.now().toString(36);
const created: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await ensureRequestWorld();
  await withWorldDatabase(async (db) => {
    const team = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
    const paul = await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } });
    const hub = await db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } });
    const put = async (apiName: string, status: "pending_approval" | "failed" | "rejected" | "active", ageMs = 0) => {
      const request = await db.exposureRequest.create({
        data: {
          ...ledgerRequestAnswers(),
          apiName: `${apiName}-${suffix}`,
          teamId: team.id,
          requesterId: paul.id,
          hubId: hub.id,
          justification: "The home page's journey.",
          status,
          updatedAt: new Date(Date.now() - ageMs),
        },
      });
      created.push(request.id);
      return request.id;
    };
    await put("home-waiting", "pending_approval", 5 * 3_600_000);
    await put("home-rejected", "rejected");
    const failed = await put("home-failed", "failed");
    await db.provisioningRun.create({
      data: {
        requestId: failed,
        status: "failed",
        finishedAt: new Date(),
        steps: {
          create: [
            { stepId: "restApi.create", status: "succeeded" },
            { stepId: "restApi.deploy", status: "failed", finishedAt: new Date() },
          ],
        },
      },
    });
    const broken = await put("home-broken", "active");
    await db.chainCheck.create({
      data: { requestId: broken, healthy: false, brokenHop: "listener.create", reason: "The listener is gone." },
    });
  });
});

test.afterAll(async () => {
  await withWorldDatabase(async (db) => {
    await db.chainCheck.deleteMany({ where: { requestId: { in: created } } });
    await db.provisioningRun.deleteMany({ where: { requestId: { in: created } } });
    await db.exposureRequest.deleteMany({ where: { id: { in: created } } });
  });
});

test("a platform admin's home names the waiting approval with its age, the failed hop and the broken chain", async ({
  page,
}) => {
  await signInAs(page, "Ada Admin");
  await expect(page).toHaveURL(/\/$/);
  const attention = page.getByRole("list", { name: "Needs attention" });
  await expect(attention.getByRole("link", { name: /approvals waiting/ })).toContainText(/oldest [5-9] h/);
  await expect(page.getByRole("region", { name: "Failed runs" })).toContainText(
    `home-failed-${suffix}: provision failed at Deploy to the stage`,
  );
  await expect(page.getByRole("region", { name: "Chains broken at the last verify" })).toContainText(
    `home-broken-${suffix}: broken at`,
  );
  await expect(page.getByRole("region", { name: "Chains broken at the last verify" })).toContainText(
    "The listener is gone.",
  );
  await page.screenshot({ path: "artifacts/screenshots/home-platform-admin.png", fullPage: true });
  await page
    .getByRole("region", { name: "Failed runs" })
    .getByRole("link", { name: `home-failed-${suffix}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/requests/${created[2]}$`));
});

test("a platform admin's home names a hub near a quota, from the readings the quotas panel stored", async ({
  page,
}) => {
  await signInAs(page, "Ada Admin");
  const nlbQuota = {
    accountId: "111111111111",
    region: "eu-west-1",
    serviceCode: "elasticloadbalancing",
    quotaCode: "L-69A177A2",
  };
  const setNlbQuota = (value: number) =>
    page.request.put(`${simulatorUrl}/_sim/quotas`, { data: { ...nlbQuota, value } });
  const nlbCells = page
    .getByRole("table", { name: "Quotas of platform-hub (111111111111)" })
    .getByRole("row", { name: /Network Load Balancers per Region/ })
    .getByRole("cell");
  await page.goto("/accounts/hub");
  // How many NLBs the hub has depends on the journeys before this one: the quota is lowered to exactly that.
  const used = Number(await nlbCells.nth(1).textContent());
  expect((await setNlbQuota(used)).status()).toBe(200);
  try {
    await page.reload();
    await expect(nlbCells.nth(2)).toHaveText(String(used));
    await page.goto("/");
    const nearQuota = page.getByRole("region", { name: "Hubs near a quota" });
    await expect(
      nearQuota.getByRole("listitem", { name: "Hub platform-hub (111111111111) near a quota" }),
    ).toContainText(`Network Load Balancers per Region: ${used} of ${used}`);
    await page.screenshot({ path: "artifacts/screenshots/home-admin-hubs-near-quota.png", fullPage: true });
    await nearQuota.getByRole("link", { name: "platform-hub (111111111111)" }).click();
    await expect(page).toHaveURL(/\/accounts\/hub#hub-/);
  } finally {
    // Back to AWS's default (50), as the journeys after this one expect; the panel stores the restored limit, so the
    // homes after this journey show no hub near a quota.
    expect((await page.request.delete(`${simulatorUrl}/_sim/quotas`, { data: nlbQuota })).status()).toBe(200);
    await page.goto("/accounts/hub");
    await expect(nlbCells.nth(2)).toHaveText("50");
  }
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Hubs near a quota" })).toHaveCount(0);
});

test("a requester's home counts the team's requests by status and says what waits on them", async ({ page }) => {
  await signInAs(page, "Paul Payments");
  const byStatus = page.getByRole("list", { name: "Your teams' requests by status" });
  await expect(byStatus.getByRole("link", { name: /rejected/ })).toBeVisible();
  await expect(byStatus.getByRole("link", { name: /pending approval/ })).toBeVisible();
  const waiting = page.getByRole("region", { name: "Waiting on you" });
  await expect(waiting).toContainText(`home-rejected-${suffix} rejected: read the decision's comment`);
  await expect(waiting).toContainText(`home-failed-${suffix} failed: retry it or roll it back`);
  await expect(page.getByRole("link", { name: "New request" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/home-requester.png", fullPage: true });
  await byStatus.getByRole("link", { name: /rejected/ }).click();
  await expect(page).toHaveURL(/\/requests\?status=rejected$/);
  await expect(page.getByRole("table")).toContainText(`home-rejected-${suffix}`);

  // Another team's requester sees none of it.
  await page.context().clearCookies();
  await signInAs(page, "Lena Logistics");
  await expect(page.getByRole("main")).not.toContainText(suffix);
});

test("a viewer's home is the platform's health", async ({ page }) => {
  await signInAs(page, "Vic Viewer");
  const health = page.getByRole("list", { name: "Platform health" });
  await expect(health).toContainText("broken at the last verify");
  await expect(page.getByRole("region", { name: "Chains broken at the last verify" })).toContainText(
    `home-broken-${suffix}`,
  );
  await expect(page.getByRole("region", { name: "Failed runs" })).toContainText(`home-failed-${suffix}`);
  await expect(page.getByRole("link", { name: "New request" })).toHaveCount(0);
  await page.screenshot({ path: "artifacts/screenshots/home-viewer.png", fullPage: true });
});
