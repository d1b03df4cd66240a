import { expect, test, type Browser, type Page } from "@playwright/test";
import { ensureRequestWorld, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";
import en from "@/messages/en.json" with { type: "json" };
import zh from "@/messages/zh-CN.json" with { type: "json" };

// The request journeys of e2e/requests.spec.ts with the portal in Simplified Chinese (issue #15): each person picks
// 简体中文 in the header's language menu, the requester walks the wizard and previews the plan, a second admin approves
// from the approval queue, and the run reaches active, every control found by its Chinese label from
// messages/zh-CN.json. The language is a saved preference: it is cleared afterwards, as the other journeys read the
// same people's pages in English. The exposures are decommissioned, so no hub keeps them.

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/zh-${name}.png`, fullPage: true });
const suffix = Date.now().toString(36);
const people = ["Paul Payments", "Lena Logistics", "Ada Admin", "Grace Admin"];

/** A catalogue message with its values, as the page writes it. */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
/** A message's text before its first placeholder, to find an element whose name continues with figures. */
const lead = (message: string) => message.split("{")[0] ?? message;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await ensureRequestWorld();
});

test.afterAll(async () => {
  await withWorldDatabase((db) => db.user.updateMany({ where: { name: { in: people } }, data: { locale: null } }));
});

/** Signs the person in and switches the portal to Chinese with the header's language menu (saved on their profile). */
async function signedInChinese(browser: Browser, name: string): Promise<Page> {
  const page = await signedIn(browser, name);
  await page.getByLabel(en.localeSwitcher.label, { exact: true }).selectOption("zh-CN");
  await expect(page.getByLabel(zh.localeSwitcher.label, { exact: true })).toHaveValue("zh-CN");
  await expect(page.getByRole("navigation", { name: zh.shell.mainNav })).toBeVisible();
  return page;
}

const statusOf = (page: Page) => page.getByRole("status", { name: zh.requestView.statusLabel });

/** Waits for the chain to be active; a failed run fails the journey with what the page says of it. */
async function reachActive(page: Page, scenario: string) {
  await expect(statusOf(page)).toHaveText(new RegExp(`^(${zh.status.active}|${zh.status.failed})$`), {
    timeout: 120_000,
  });
  if ((await statusOf(page).textContent()) === zh.status.failed) {
    await shot(page, `${scenario}-failed-run`);
    throw new Error(`the run failed: ${(await page.getByRole("alert").first().textContent()) ?? "no failure shown"}`);
  }
}

/** Previews the plan (checked against AWS), then submits; returns the new request's id. */
async function previewAndSubmit(page: Page, screenshot?: string): Promise<string> {
  await page.getByRole("button", { name: zh.wizard.previewPlan }).click();
  await expect(page.getByRole("region", { name: zh.wizard.planPreview })).toBeVisible({ timeout: 30_000 });
  const submit = page.getByRole("button", { name: zh.wizard.submit });
  await expect(submit).toBeEnabled();
  if (screenshot) await shot(page, screenshot);
  await submit.click();
  await page.waitForURL(/\/requests\/c[0-9a-f]{24}$/);
  await expect(statusOf(page)).toHaveText(zh.status.pending_approval);
  return page.url().split("/").at(-1) ?? "";
}

/** The admin finds the request in the approval queue, opens it and approves. */
async function approveFromQueue(admin: Page, requestId: string, kind: "exposure" | "decommission") {
  await admin.goto(`/approvals?kind=${kind}`);
  await expect(admin.getByRole("heading", { name: zh.approvals.title, level: 1 })).toBeVisible();
  await admin.locator(`a[href="/requests/${requestId}"]`).click();
  await expect(admin.getByRole("heading", { name: zh.requestView.decision.title[kind] })).toBeVisible();
  await admin.getByRole("button", { name: zh.requestView.decision.approve }).click();
}

/** The active exposure answers through Test invoke, then is decommissioned through a second approval. */
async function invokeAndDecommission(requester: Page, admin: Page, requestId: string) {
  const actions = zh.requestView.actions;
  await requester.getByRole("button", { name: actions.testInvoke }).click();
  await expect(requester.getByRole("region", { name: actions.invokeResult })).toContainText("200", {
    timeout: 20_000,
  });
  await requester.getByRole("button", { name: actions.decommission }).click();
  await requester.getByRole("button", { name: actions.decommissionConfirm }).click();
  await expect(statusOf(requester)).toHaveText(zh.status.decommission_pending);
  await approveFromQueue(admin, requestId, "decommission");
  await expect(statusOf(requester)).toHaveText(zh.status.decommissioned, { timeout: 60_000 });
}

test("scenario A in Chinese: Paul requests the demo NLB, Ada approves from the queue, it goes active", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const wizard = zh.wizard;
  const paul = await signedInChinese(browser, "Paul Payments");
  const apiName = `zh-checkout-${suffix}`;

  await paul.goto("/requests");
  await expect(paul.getByRole("heading", { name: zh.requests.title, level: 1 })).toBeVisible();
  await paul.getByRole("link", { name: zh.requests.newRequest }).click();
  await expect(paul.getByRole("heading", { name: wizard.heading, level: 1 })).toBeVisible();
  await expect(paul.getByRole("radio", { name: wizard.scenario.cross_account_nlb.title })).toBeChecked();
  // The schema's own message, checked in the browser as it is typed, in Chinese.
  await paul.getByLabel(wizard.fields.apiName, { exact: true }).fill("<script>x</script>");
  await expect(paul.getByText(zh.validation.requests.apiNameInvalid)).toBeVisible();
  await paul.getByLabel(wizard.placement.account, { exact: true }).selectOption("222222222222");
  await paul.getByLabel(wizard.placement.region, { exact: true }).selectOption("eu-west-1");
  const nlb = paul.getByRole("radio", { name: /k8s-payments-checkout-5f2a9c1e7b/ });
  await expect(nlb).toBeVisible({ timeout: 20_000 });
  await expect(
    paul.getByText(fill(wizard.loadBalancer.kubernetesService, { service: "payments/checkout-api" })),
  ).toBeVisible();
  await nlb.check();
  await expect(paul.getByLabel(wizard.fields.listenerPort, { exact: true })).toHaveValue("80");
  await paul.getByLabel(wizard.fields.apiName, { exact: true }).fill(apiName);
  await paul.getByLabel(wizard.fields.justification, { exact: true }).fill("中心的调用方经由私有 API 调用结账服务。");
  await expect(paul.getByRole("button", { name: wizard.submit })).toBeDisabled();
  await expect(paul.getByText(wizard.previewToSubmit)).toBeVisible();
  await shot(paul, "wizard");
  const requestId = await previewAndSubmit(paul, "plan-review");

  const ada = await signedInChinese(browser, "Ada Admin");
  await ada.goto("/approvals");
  const queue = ada.getByRole("table", { name: zh.approvals.table.caption });
  await expect(queue.getByRole("row").filter({ hasText: apiName })).toContainText(zh.status.pending_approval);
  await shot(ada, "approvals");
  await ada.locator(`a[href="/requests/${requestId}"]`).click();
  // A rejection needs a comment: the schema says so in Chinese before anything is sent.
  await ada.getByRole("button", { name: zh.requestView.decision.reject }).click();
  await expect(ada.getByText(zh.validation.approvals.commentRequired)).toBeVisible();
  await ada.getByRole("button", { name: zh.requestView.decision.approve }).click();

  // Live progress on Paul's page, in Chinese: the run's heading, its waterfall and each step by its Chinese title.
  await expect(paul.getByRole("figure", { name: lead(zh.waterfall.caption) })).toBeVisible({ timeout: 20_000 });
  await reachActive(paul, "a");
  const runHeading = fill(zh.requestView.runHeading, {
    run: zh.requestView.runs.provision,
    status: zh.status.succeeded,
  });
  await expect(paul.getByRole("heading", { name: runHeading })).toBeVisible();
  await expect(paul.locator('tr[data-step="restApi.create"]')).toContainText(zh.hops.restApi.create);
  await expect(paul.locator('tr[data-step="restApi.create"]')).toContainText(zh.status.succeeded);
  await expect(paul.getByRole("region", { name: zh.requestView.invokeUrls })).toContainText(
    "execute-api.eu-west-1.amazonaws.com/prod",
  );
  await shot(paul, "request-active-a");

  await invokeAndDecommission(paul, ada, requestId);
});

test("scenario B in Chinese: Lena requests the ledger service by IP, Grace approves, it goes active", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const wizard = zh.wizard;
  const lena = await signedInChinese(browser, "Lena Logistics");
  const apiName = `zh-ledger-${suffix}`;

  await lena.goto("/requests/new");
  await lena.getByRole("radio", { name: wizard.scenario.remote_network.title }).check();
  await lena.getByLabel(wizard.placement.region, { exact: true }).selectOption("eu-west-1");
  await lena.getByLabel(wizard.fields.remoteNetworkName, { exact: true }).fill("datacenter-frankfurt");
  await lena.getByLabel(wizard.fields.remoteIps, { exact: true }).fill("8.8.8.8");
  await expect(lena.getByText(zh.validation.requests.ipNotPrivate)).toBeVisible();
  await lena.getByLabel(wizard.fields.remoteIps, { exact: true }).fill("10.50.12.34");
  await lena.getByLabel(wizard.fields.port, { exact: true }).fill("8080");
  await lena.getByLabel(wizard.fields.apiName, { exact: true }).fill(apiName);
  await lena.getByLabel(wizard.fields.justification, { exact: true }).fill("物流团队经由中心读取账本服务。");
  const requestId = await previewAndSubmit(lena);

  await lena.goto(`/requests?q=${apiName}`);
  await expect(lena.getByRole("table", { name: zh.requests.table.caption })).toContainText(zh.status.pending_approval);
  await lena.goto(`/requests/${requestId}`);

  const grace = await signedInChinese(browser, "Grace Admin");
  await approveFromQueue(grace, requestId, "exposure");
  await reachActive(lena, "b");
  await expect(lena.getByRole("region", { name: zh.requestView.invokeUrls })).toBeVisible();
  await expect(lena.getByRole("region", { name: zh.requestView.timeline.title })).toBeVisible();
  await shot(lena, "request-active-b");

  await invokeAndDecommission(lena, grace, requestId);
});
