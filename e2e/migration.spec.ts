import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";

// The live migration V1 → V2 in the browser: Paul's active exposure on the demo's V1 hub gets "Migrate to V2"; the
// migration waits for a platform admin, who sees it on the hub page's migration panel and approves it there; the
// worker repoints, deploys, checks and deletes the V1 link, and the exposure is active on the hub's V2 link.

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/migration-${name}.png`, fullPage: true });

test.beforeAll(async () => {
  await ensureRequestWorld();
});

/** A same-origin POST with the page's session, as the portal's own fetches send it. */
async function post(page: Page, path: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(path, { data, headers: { origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as { id?: string };
}

const status = (page: Page) => page.getByRole("status", { name: "Request status" });

test("Paul asks to migrate his active V1 exposure, Ada approves it on the hub page, and it is active on the V2 link", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const teamId = await withWorldDatabase(
    async (db) => (await db.team.findUniqueOrThrow({ where: { slug: "payments" } })).id,
  );
  const paul = await signedIn(browser, "Paul Payments");
  const submitted = await post(paul, "/api/requests", {
    scenario: "remote_network",
    teamId,
    region: "eu-west-1",
    remoteNetworkName: "datacenter-frankfurt",
    remoteIps: ["10.50.12.34"],
    port: 8080,
    apiName: `migrating-${Date.now().toString(36)}`,
    stageName: "prod",
    justification: "A V1 exposure the migration journey moves to the V2 link.",
  });
  const requestId = submitted.id ?? "";
  const grace = await signedIn(browser, "Grace Admin");
  await post(grace, `/api/approvals/${requestId}`, { kind: "exposure", decision: "approved" });

  await paul.goto(`/requests/${requestId}`);
  await expect(status(paul)).toHaveText("active", { timeout: 120_000 });
  await expect(paul.getByText("this exposure goes through a V1 link")).toBeVisible();
  await paul.getByRole("button", { name: "Migrate to V2" }).click();
  await expect(paul.getByRole("dialog")).toContainText("the V1 link is deleted only after the new path answers");
  await shot(paul, "confirm");
  await paul.getByRole("button", { name: "Yes, request the migration" }).click();
  await expect(status(paul)).toHaveText("migration pending");

  const ada = await signedIn(browser, "Ada Admin");
  await ada.goto("/accounts/hub");
  const panel = ada.getByRole("region", { name: "Migration to VPC links V2" });
  await expect(panel).toContainText("Waiting for approval");
  await shot(ada, "hub-panel");
  await panel.getByRole("button", { name: /^Approve \d+ pending migrations?$/ }).click();
  await expect(panel.getByRole("status")).toContainText(/^\d+ done/);

  await expect(status(paul)).toHaveText("active", { timeout: 120_000 });
  await expect(paul.getByText("this exposure goes through a V2 link")).toBeVisible({ timeout: 10_000 });
  await expect(paul.getByRole("heading", { name: "Migration to the V2 link: succeeded" })).toBeVisible();
  await expect(paul.locator('tr[data-step="vpcLink.retire"]')).toContainText("Delete the V1 link");
  await shot(paul, "migrated");
});
