import { expect, test, type Browser, type Page } from "@playwright/test";
import { ensureRequestWorld, withWorldDatabase } from "./fixtures/request-world";
import { signInAs } from "./fixtures/sign-in";
import { localeCookie } from "@/lib/i18n/locales";
import { seedApplicationAccount, seedExposure, seedHub } from "@/lib/topology/testing/seed-exposures";
import zh from "@/messages/zh-CN.json" with { type: "json" };

// The consumers' side and the topology in Simplified Chinese: a browser that asks for zh-CN (Accept-Language) reads
// the catalog, an API's page, My access and a request's topology in Chinese, with the AWS China console's terms. The
// spec seeds an exposure of its own (and a grant of it to Logistics) and changes nothing other specs read.

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

let exposure: { id: string; apiName: string };

test.beforeAll(async () => {
  await ensureRequestWorld();
  exposure = await withWorldDatabase(async (db) => {
    const hub = await seedHub(db, "v1");
    await seedApplicationAccount(db);
    // Logistics' own account, through which it calls the API.
    await seedApplicationAccount(db, "999999999933", "logistics");
    const apiName = `zh-orders-${Date.now().toString(36)}`;
    const id = await seedExposure(db, { hub, apiName, stage: "active" });
    await db.exposureRequest.update({
      where: { id },
      data: { catalogDescription: "订单查询（只读）。", catalogContact: "#payments-oncall" },
    });
    const [logistics, lena, account] = await Promise.all([
      db.team.findUniqueOrThrow({ where: { slug: "logistics" } }),
      db.user.findUniqueOrThrow({ where: { email: "lena.logistics@gatehouse.demo" } }),
      db.awsAccount.findUniqueOrThrow({ where: { accountId: "999999999933" } }),
    ]);
    await db.accessGrant.create({
      data: {
        requestId: id,
        consumerTeamId: logistics.id,
        consumerAccountId: account.id,
        vpcEndpointId: "vpce-0a1b2c3d4e5f6a7b8",
        vpcId: "vpc-0logistics",
        privateDnsEnabled: false,
        ownerRegistered: true,
        justification: "路线规划读取当天的订单。",
        status: "approved",
        approvedAt: new Date(),
        requestedById: lena.id,
        requestedByLabel: lena.email,
      },
    });
    return { id, apiName };
  });
});

/** A browser asking for Simplified Chinese, signed in as `name` (the sign-in page itself read in English). */
async function chineseReader(browser: Browser, name: string): Promise<Page> {
  // A language saved on the profile would win over the browser's (the authorization matrix saves "en" for everyone):
  // none is saved, so the browser's zh-CN decides, as for a new user.
  await withWorldDatabase((db) => db.user.updateMany({ where: { name }, data: { locale: null } }));
  const context = await browser.newContext({ locale: "zh-CN" });
  await context.addCookies([{ name: localeCookie, value: "en", url: baseURL }]);
  const page = await context.newPage();
  await signInAs(page, name);
  // From here on the browser's own language decides.
  await context.clearCookies({ name: localeCookie });
  return page;
}

test("the catalog and an API's page read in Chinese", async ({ browser }) => {
  const paul = await chineseReader(browser, "Paul Payments");
  await paul.goto("/catalog");
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText(zh.catalog.title);
  await expect(paul.getByRole("columnheader", { name: zh.catalog.column.invokeUrls })).toBeVisible();
  const row = paul.getByRole("row").filter({ hasText: exposure.apiName });
  await expect(row).toContainText(zh.catalog.noDescription);
  await expect(row.getByRole("link", { name: zh.catalog.requestAccess })).toHaveAttribute(
    "href",
    `/catalog/${exposure.id}/access`,
  );

  await row.getByRole("link", { name: exposure.apiName }).click();
  await expect(paul).toHaveURL(`/catalog/${exposure.id}`);
  await expect(paul.getByText(zh.catalog.detail.consumerEndpoints, { exact: true })).toBeVisible();
  // The owning team's forms, in Chinese too.
  await expect(paul.getByRole("form", { name: zh.catalog.entry.title })).toBeVisible();
  await expect(paul.getByRole("button", { name: zh.catalog.openApi.save })).toBeVisible();
  await paul.screenshot({ path: "artifacts/screenshots/zh-catalog.png", fullPage: true });
});

test("My access reads in Chinese, with the grant's status and invoke URL", async ({ browser }) => {
  const lena = await chineseReader(browser, "Lena Logistics");
  await lena.goto("/access");
  await expect(lena.getByRole("heading", { level: 1 })).toHaveText(zh.access.mine.title);
  const grant = lena.getByRole("listitem").filter({ hasText: exposure.apiName });
  await expect(grant.getByTestId("grant-status")).toHaveText(zh.status.approved);
  await expect(grant).toContainText(zh.access.grants.invokeUrl);
  await expect(grant.getByTestId("invoke-url")).toContainText("vpce-0a1b2c3d4e5f6a7b8");
  await expect(grant.getByRole("button", { name: zh.access.grants.revoke })).toBeVisible();
  await lena.screenshot({ path: "artifacts/screenshots/zh-access.png", fullPage: true });
});

test("a request's topology reads in Chinese: nodes, legend and details panel", async ({ browser }) => {
  const paul = await chineseReader(browser, "Paul Payments");
  await paul.goto(`/topology/${exposure.id}`);
  const canvas = paul.locator(".topology-canvas");
  await expect(canvas).toHaveAttribute("data-laid-out", "true");
  await expect(paul.getByRole("heading", { level: 1 })).toHaveText(zh.topology.requestTitle);
  await expect(canvas.locator('.topology-node[data-kind="vpc-link"]')).toContainText(zh.topology.label.ownLink);
  await expect(canvas.locator('.topology-node[data-kind="endpoint-service"]')).toContainText(
    zh.topology.kind["endpoint-service"],
  );
  await expect(canvas.locator(".group-label").first()).toContainText("平台账户");

  await canvas.getByText(zh.topology.legend.title, { exact: true }).click();
  const kinds = canvas.getByRole("list", { name: zh.topology.legend.nodeKinds });
  for (const kind of ["interface-endpoint", "platform-nlb", "target-group", "transit-gateway"] as const)
    await expect(kinds).toContainText(zh.topology.kind[kind]);

  await canvas.locator(".react-flow__node", { has: paul.locator('[data-kind="rest-api"]') }).focus();
  await paul.keyboard.press("Enter");
  const details = paul.getByRole("complementary", { name: zh.topology.details.title });
  await expect(details).toContainText(zh.hops.restApi.create);
  await expect(details.getByTestId("details-state")).toHaveText(`✓ ${zh.topology.state.healthy}`);
  await expect(details.getByRole("link", { name: zh.topology.details.openConsole })).toBeVisible();
  await paul.screenshot({ path: "artifacts/screenshots/zh-topology-request.png", fullPage: true });
});
