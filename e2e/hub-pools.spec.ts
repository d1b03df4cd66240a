import { expect, test, type Page } from "@playwright/test";
import { ensureRequestWorld, simulatorUrl, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";

// The hub page's quotas panel, read live through the platform role from the simulator's Service Quotas, and an
// admin draining a hub and resuming it.

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/hubs-${name}.png`, fullPage: true });

test.beforeAll(async () => {
  await ensureRequestWorld();
});

test("the hubs page shows each quota's use and the headroom placement uses; an admin drains a hub", async ({
  browser,
}) => {
  const ada = await signedIn(browser, "Ada Admin");
  await ada.goto("/accounts/hub");
  const hub = ada.getByRole("article", { name: "Hub platform-hub (111111111111) in eu-west-1" });
  const quotas = hub.getByRole("table", { name: "Quotas of platform-hub (111111111111)" });
  // Use depends on what earlier journeys built; the limit and where it came from do not.
  const nlbCells = quotas.getByRole("row", { name: /Network Load Balancers per Region/ }).getByRole("cell");
  await expect(nlbCells.nth(2)).toHaveText("50");
  await expect(nlbCells.nth(4)).toHaveText("AWS default (Service Quotas)");
  await expect(quotas.getByRole("row", { name: /Private REST APIs per Region/ })).toContainText("600");
  await expect(hub.getByTestId("headroom")).toContainText(/Placement: room for \d+ more exposures/);

  // A quota increase (here: a test lowering it) shows as the account's applied value.
  const lowered = await ada.request.put(`${simulatorUrl}/_sim/quotas`, {
    data: {
      accountId: "111111111111",
      region: "eu-west-1",
      serviceCode: "elasticloadbalancing",
      quotaCode: "L-69A177A2",
      value: 40,
    },
  });
  expect(lowered.status()).toBe(200);
  try {
    await ada.reload();
    await expect(nlbCells.nth(2)).toHaveText("40");
    await expect(quotas.getByRole("row", { name: /Network Load Balancers per Region/ })).toContainText(
      "applied value (Service Quotas)",
    );
    await shot(ada, "quotas-panel");

    await hub.getByLabel("Pin a team to platform-hub (111111111111)").selectOption({ label: "Payments" });
    await hub.getByRole("button", { name: "Pin", exact: true }).click();
    await expect(hub.getByRole("button", { name: "Unpin Payments" })).toBeVisible();
    await hub.getByRole("button", { name: "Unpin Payments" }).click();
    await expect(hub).toContainText("Pinned teams: none (placement decides)");

    await hub.getByRole("button", { name: "Drain platform-hub (111111111111)" }).click();
    await expect(ada.getByRole("dialog")).toContainText("Drain platform-hub (111111111111)?");
    await ada.getByRole("button", { name: "Yes, drain" }).click();
    await expect(hub.getByRole("heading", { level: 3 })).toContainText("drained");
    await expect(hub.getByTestId("headroom")).toContainText("drained: takes no new exposures");
    await shot(ada, "drained");
  } finally {
    await ada.request.put(`${simulatorUrl}/_sim/quotas`, {
      data: {
        accountId: "111111111111",
        region: "eu-west-1",
        serviceCode: "elasticloadbalancing",
        quotaCode: "L-69A177A2",
        value: 50,
      },
    });
    await withWorldDatabase((db) => db.platformHub.updateMany({ data: { drainedAt: null } }));
  }
  await ada.goto("/audit?action=hub.drained");
  await expect(ada.getByRole("table")).toContainText("ada.admin@gatehouse.demo");
});
