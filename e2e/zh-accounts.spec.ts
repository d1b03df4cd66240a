import { expect, test, type Page } from "@playwright/test";
import zh from "../messages/zh-CN.json" with { type: "json" };
import { signInAs } from "./fixtures/sign-in";

// The accounts list, an account's verification and the hub page with its quotas, as an admin who reads Chinese sees
// them. Every expected label comes from the Chinese catalogue. Runs last (files run in name order) after the journeys
// that register the accounts and configure the hub; it changes nothing they rely on: one more verification of the
// platform account, and Ada's saved language put back to English ("en", which the authorization journey saves too).

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });

/** A catalogue message with its simple placeholders filled in ("{label} 的配额" → "platform-hub (…) 的配额"). */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);

test("an admin reads the accounts, an account's verification and the hub in Chinese", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: "zh-CN" });
  // The shared sign-in step looks for English buttons: the sign-in page in English whatever the browser prefers.
  await context.addCookies([{ name: "gatehouse-locale", value: "en", url: baseURL ?? "" }]);
  const page = await context.newPage();
  await signInAs(page, "Ada Admin");
  try {
    // Ada chooses Chinese in the header's switcher, which saves it on her profile (it then wins over the cookie).
    await page.goto("/accounts");
    await page.locator("#locale-switcher").selectOption("zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: zh.accounts.title })).toBeVisible();
    const accounts = page.getByRole("table", { name: zh.accounts.accountsCaption });
    await expect(accounts.getByRole("columnheader", { name: zh.accounts.columns.verification })).toBeVisible();
    await expect(accounts.getByRole("row", { name: /platform-hub/ }).first()).toContainText(zh.accounts.kinds.platform);
    await expect(page.getByRole("link", { name: zh.accounts.configureHubLink })).toBeVisible();
    await shot(page, "zh-accounts");

    await accounts.getByRole("link", { name: "platform-hub", exact: true }).click();
    await expect(page.getByRole("heading", { name: zh.accounts.page.verificationHeading })).toBeVisible();
    await page.getByRole("button", { name: zh.accounts.verification.verify }).click();
    await expect(page.getByRole("button", { name: zh.accounts.verification.verify })).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByRole("status").filter({ hasText: zh.accounts.verification.verified })).toBeVisible();
    const checklist = page.getByRole("list", { name: zh.accounts.verification.checklist });
    await expect(checklist.locator('li[data-status="passed"]').first()).toContainText(
      zh.accounts.verification.statuses.passed,
    );
    // Gatehouse's own explanation of a check in Chinese, around identifiers that stay as AWS names them.
    await expect(checklist.locator("li", { hasText: "ec2:DescribeVpcs" })).toContainText(
      zh.accounts.checks.readAnswered,
    );
    await shot(page, "zh-account-verification");

    await page.goto("/accounts/hub");
    await expect(page.getByRole("heading", { level: 1, name: zh.hubs.title })).toBeVisible();
    const label = "platform-hub (111111111111)";
    const hub = page.getByRole("article", { name: fill(zh.quotas.hubLabel, { label, region: "eu-west-1" }) });
    const quotas = hub.getByRole("table", { name: fill(zh.quotas.caption, { label }) });
    await expect(quotas.getByRole("columnheader", { name: zh.quotas.columns.source })).toBeVisible();
    await expect(quotas.getByRole("row", { name: new RegExp(zh.quotas.names.networkLoadBalancers) })).toBeVisible();
    await expect(hub.getByRole("button", { name: fill(zh.hubs.drain.drain, { label }) })).toBeVisible();
    await expect(page.getByRole("heading", { name: zh.quotas.heading })).toBeVisible();
    await shot(page, "zh-hub");
  } finally {
    await page.request.put("/api/locale", { data: { locale: "en" }, headers: { origin: baseURL ?? "" } });
    await context.close();
  }
});
