import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures/sign-in";

// Accounts and the platform hub, as a platform admin does them in the browser against the embedded defaults; and the
// server refusing everyone else. The simulator's PUT /_sim/roles stands in for deploying the role stack in AWS.

const simulatorUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 2}`;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/accounts-${name}.png`, fullPage: true });

type Template = {
  Parameters: { ExternalId: { Default: string } };
  Resources: {
    GatehouseRole: {
      Properties: {
        AssumeRolePolicyDocument: { Statement: { Principal: { AWS: string }; Condition: unknown }[] };
        Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[];
      };
    };
  };
};

async function verifyNow(page: Page) {
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByRole("button", { name: "Verify now" })).toBeEnabled({ timeout: 30_000 });
  return page.getByRole("list", { name: "Permission checklist" });
}

test.describe.configure({ mode: "serial" });

test("an admin verifies the platform account, registers and verifies an application account, and configures the hub", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "Ada Admin");

  await page.goto("/accounts");
  // The seeded accounts, not verified yet: this journey runs before the ones that verify them (files run in name order).
  await expect(page.getByRole("table", { name: "Registered AWS accounts" })).toContainText("never verified");
  await shot(page, "list-seeded");

  // The seeded platform account's role exists in the demo landscape: verification passes.
  await page.getByRole("link", { name: "platform-hub" }).click();
  const platformChecks = await verifyNow(page);
  await expect(platformChecks.locator('li[data-status="passed"]').first()).toBeVisible();
  await expect(platformChecks.locator('li[data-status="missing"]')).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Verified" })).toBeVisible();

  // Registration: field errors next to the fields, a duplicate account ID refused by the server.
  await page.goto("/accounts/new");
  await page.getByLabel("Account ID").fill("12345");
  await page.getByLabel("Alias").fill("<script>alert(1)</script>");
  await page.getByRole("button", { name: "Register account" }).click();
  await expect(page.getByText("An AWS account ID is exactly 12 digits")).toBeVisible();
  await expect(page.getByLabel("Account ID")).toBeFocused();
  await expect(page.getByLabel("Alias")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Account ID").fill("222222222222");
  await page.getByLabel("Alias").fill("payments-again");
  await page.getByLabel("Owning team").selectOption({ label: "Payments" });
  await page.getByRole("button", { name: "Register account" }).click();
  await expect(
    page.getByText("Account 222222222222 is already registered; open it from the account list."),
  ).toBeVisible();
  await shot(page, "register-errors");

  await page.getByLabel("Account ID").fill("333333333333");
  await page.getByLabel("Alias").fill("logistics-prod");
  await page.getByLabel("Owning team").selectOption({ label: "Logistics" });
  await page.getByRole("button", { name: "Register account" }).click();
  await expect(page.getByRole("heading", { name: "logistics-prod (333333333333)" })).toBeVisible();

  // The role to create: trust pinned to the portal's identity and this account's ExternalId; the same as the download.
  const externalId = (await page.getByTestId("external-id").textContent())?.trim() ?? "";
  expect(externalId).toMatch(/^gh-[\w-]{24}$/);
  await page.getByText("Show the template").click();
  const template = JSON.parse((await page.getByTestId("role-template").textContent()) ?? "{}") as Template;
  const role = template.Resources.GatehouseRole.Properties;
  const trust = role.AssumeRolePolicyDocument.Statement[0];
  expect(trust?.Principal.AWS).toBe("arn:aws:iam::123456789012:role/gatehouse-portal");
  expect(trust?.Condition).toEqual({ StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } });
  expect(template.Parameters.ExternalId.Default).toBe(externalId);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download template" }).click();
  expect((await download).suggestedFilename()).toBe("gatehouse-role-logistics-prod.json");
  await page.getByLabel("Template URL for one-click quick-create").fill("https://bucket.s3.amazonaws.com/role.json");
  const quickCreate = await page.getByRole("link", { name: "Quick-create stack" }).getAttribute("href");
  expect(quickCreate).toContain(
    "#/stacks/quickcreate?templateURL=https%3A%2F%2Fbucket.s3.amazonaws.com%2Frole.json&stackName=gatehouse-role-logistics-prod",
  );
  await shot(page, "template");

  // Before the role exists, AssumeRole fails and says what to do.
  let checks = await verifyNow(page);
  const assume = checks.locator("li").first();
  await expect(assume).toHaveAttribute("data-status", "missing");
  await expect(assume).toContainText("sts:AssumeRole");
  await expect(assume).toContainText(`sts:ExternalId = ${externalId}`);
  await shot(page, "verify-failed");

  // The admin deploys the stack (here: into the simulator), then verifies again: every probed permission passes.
  const policies = role.Policies.map((policy) => policy.PolicyDocument);
  const deployed = await page.request.put(`${simulatorUrl}/_sim/roles`, {
    data: {
      roleArn: "arn:aws:iam::333333333333:role/GatehouseProvisioner",
      externalId,
      trustedPrincipals: [trust?.Principal.AWS],
      policies,
    },
  });
  expect(deployed.status()).toBe(200);
  checks = await verifyNow(page);
  await expect(checks.locator('li[data-status="missing"]')).toHaveCount(0);
  // sts:AssumeRole and every probed action of an application account: six reads of ELB and endpoint services, the
  // read of its VPC endpoints (whose consumer endpoints it owns), three of the network, and the tagged create's DryRun.
  await expect(checks.locator('li[data-status="passed"]')).toHaveCount(12);
  await expect(page.getByRole("status").filter({ hasText: "Verified" })).toBeVisible();
  await shot(page, "verified");

  // Editing: the account ID and kind stay; a hostile alias is refused next to the field; the role is unchanged, so the
  // account stays verified.
  await page.getByRole("link", { name: "Edit account" }).click();
  await expect(page.getByRole("heading", { name: "Edit logistics-prod (333333333333)" })).toBeVisible();
  await page.getByLabel("Alias").fill('{"alias":"<b>x</b>"}');
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Alias")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Alias")).toHaveAccessibleDescription(/Lowercase letters, digits and hyphens/);
  await shot(page, "edit-errors");
  await page.getByLabel("Alias").fill("logistics-live");
  await page.getByLabel("Regions").fill("eu-west-1, eu-central-1");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "logistics-live (333333333333)" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Verified" })).toBeVisible();

  // Rotating the ExternalId (after a confirmation): unverified, and the template and quick-create link carry the new one.
  await page.getByRole("button", { name: "Rotate ExternalId" }).click();
  await expect(page.getByRole("dialog")).toContainText("Rotate the ExternalId of logistics-live?");
  await shot(page, "rotate-confirm");
  await page.getByRole("button", { name: "Yes, rotate" }).click();
  await expect(page.getByTestId("external-id")).not.toHaveText(externalId);
  const rotated = (await page.getByTestId("external-id").textContent())?.trim() ?? "";
  expect(rotated).toMatch(/^gh-[\w-]{24}$/);
  await expect(page.getByRole("status").filter({ hasText: "Not verified yet" })).toBeVisible();
  const rotatedTemplate = JSON.parse((await page.getByTestId("role-template").textContent()) ?? "{}") as Template;
  expect(rotatedTemplate.Parameters.ExternalId.Default).toBe(rotated);
  await page.getByLabel("Template URL for one-click quick-create").fill("https://bucket.s3.amazonaws.com/role.json");
  expect(await page.getByRole("link", { name: "Quick-create stack" }).getAttribute("href")).toContain(
    `param_ExternalId=${rotated}`,
  );
  checks = await verifyNow(page);
  await expect(checks.locator("li").first()).toHaveAttribute("data-status", "missing");
  const redeployed = await page.request.put(`${simulatorUrl}/_sim/roles`, {
    data: {
      roleArn: "arn:aws:iam::333333333333:role/GatehouseProvisioner",
      externalId: rotated,
      trustedPrincipals: [trust?.Principal.AWS],
      policies,
    },
  });
  expect(redeployed.status()).toBe(200);
  checks = await verifyNow(page);
  await expect(checks.locator('li[data-status="missing"]')).toHaveCount(0);
  await shot(page, "rotated-verified");

  // The hub, from live lists read through the platform role.
  await page.goto("/accounts/hub");
  await page.getByLabel("Platform account").selectOption({ label: "platform-hub (111111111111)" });
  const vpc = page.getByLabel("VPC");
  await expect(vpc.locator("option", { hasText: "platform-hub" })).toHaveCount(1);
  await vpc.selectOption((await vpc.locator("option", { hasText: "platform-hub" }).getAttribute("value")) ?? "");
  await page.getByRole("checkbox", { name: /hub-private-a/ }).check();
  await page.getByRole("button", { name: "Save hub" }).click();
  await expect(page.getByText("Pick at least two subnets, in two Availability Zones.")).toBeVisible();
  await page.getByRole("checkbox", { name: /hub-private-b/ }).check();
  await page.getByRole("checkbox", { name: /hub-endpoints/ }).check();
  await page.getByRole("radio", { name: /vpce-/ }).check();
  // New hubs default to V2 (AWS calls V1 legacy); the request journeys build on V1, which stays available.
  await expect(page.getByRole("radio", { name: /V2 \(recommended\): one shared VPC link/ })).toBeChecked();
  await expect(page.getByRole("heading", { name: "VPC link V1 or V2" })).toBeVisible();
  await page.getByRole("radio", { name: /V1 \(legacy\): a dedicated NLB/ }).check();
  await expect(page.getByText("20 V1 VPC links per account and region")).toBeVisible();
  await page.getByRole("button", { name: "Save hub" }).click();
  await expect(page.getByText("Hub saved.")).toBeVisible();
  await shot(page, "hub");

  await page.goto("/accounts");
  await expect(page.getByRole("table", { name: "Platform hubs" })).toContainText("V1");
  await expect(
    page.getByRole("table", { name: "Registered AWS accounts" }).getByRole("row", { name: /logistics-live/ }),
  ).toContainText("verified");
  await shot(page, "list");

  await page.goto("/audit?action=account.verified");
  await expect(page.getByRole("table")).toContainText("333333333333");
  await page.goto("/audit?action=account.external_id_rotated");
  await expect(page.getByRole("table")).toContainText(rotated);
});

test("a platform admin's mutations from another site are refused", async ({ page }) => {
  await signInAs(page, "Ada Admin");
  const response = await page.request.post("/api/accounts", { headers: { origin: "https://evil.example" }, data: {} });
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toContain("Cross-site");
});

test("hostile, oversized and look-alike values are refused field by field and write nothing", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "Ada Admin");
  const headers = { origin: baseURL ?? "" };
  /** Posts `data` to `path`, expects a 422 and answers the fields it names. */
  const refusedFields = async (path: string, data: unknown) => {
    const answer = await page.request.post(path, { headers, data });
    expect(answer.status()).toBe(422);
    return Object.keys((await answer.json()).fieldErrors).sort();
  };
  const accountsBefore = await (await page.request.get("/api/accounts")).json();
  const account = {
    accountId: "1234567890123",
    alias: "<script>alert(1)</script>",
    kind: '{"kind":"platform"}',
    owningTeamId: "x".repeat(500),
    regions: ["10.0.0.0/8", "arn:aws:iam::123456789012:root"],
    roleName: "arn:aws:iam::123456789012:role/Admin",
  };
  expect(await refusedFields("/api/accounts", account)).toEqual([
    "accountId",
    "alias",
    "kind",
    "owningTeamId",
    "regions.0",
    "regions.1",
    "roleName",
  ]);
  expect(await (await page.request.get("/api/accounts")).json()).toEqual(accountsBefore);

  const hub = {
    accountId: "",
    region: "eu-west-1; DROP TABLE",
    vpcId: "vpc-<img src=x>",
    subnetIds: ["10.10.1.0/24"],
    securityGroupIds: [],
    executeApiEndpointId: "arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/vpce-1",
    linkMode: "v3",
  };
  expect(await refusedFields("/api/hubs", hub)).toEqual([
    "accountId",
    "executeApiEndpointId",
    "linkMode",
    "region",
    "securityGroupIds",
    "subnetIds",
    "subnetIds.0",
    "vpcId",
  ]);
  const notJson = await page.request.post("/api/accounts", {
    headers: { ...headers, "content-type": "application/json" },
    data: "{not json",
  });
  expect(notJson.status()).toBe(422);
});

const protectedPages = ["/accounts", "/accounts/new", "/accounts/hub", "/accounts/some-account-id"];
const protectedApis: [method: "get" | "post", path: string][] = [
  ["get", "/api/accounts"],
  ["post", "/api/accounts"],
  ["post", "/api/accounts/some-account-id/verify"],
  ["get", "/api/accounts/some-account-id/template"],
  ["get", "/api/hubs/vpcs?accountId=x&region=eu-west-1"],
  ["get", "/api/hubs/network?accountId=x&region=eu-west-1&vpcId=vpc-12345678"],
  ["post", "/api/hubs"],
  ["post", "/api/hubs/endpoints"],
];

for (const name of ["Vic Viewer", "Paul Payments"]) {
  test(`${name} gets a 403 from every account and hub page and API route`, async ({ page, baseURL }) => {
    await signInAs(page, name);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveCount(0);
    for (const path of protectedPages) expect((await page.request.get(path)).status(), path).toBe(403);
    for (const [method, path] of protectedApis) {
      // A same-origin request, so the refusal is the authorization, not the CSRF check.
      const response = await page.request[method](path, {
        headers: { origin: baseURL ?? "" },
        data: method === "post" ? {} : undefined,
      });
      expect(response.status(), `${method} ${path}`).toBe(403);
      expect((await response.json()).message, path).toBe("Only platform admins may do this.");
    }
    await page.goto("/accounts/hub");
    await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
    await shot(page, `forbidden-${name.split(" ")[0]?.toLowerCase()}`);
  });
}

test("signed out, the account and hub APIs answer 401 and the pages lead to sign-in", async ({
  page,
  request,
  baseURL,
}) => {
  // Same-origin requests, so the refusal is the missing session, not the CSRF check (a foreign origin is a 403).
  for (const [method, path] of protectedApis) {
    const response = await request[method](path, { headers: { origin: baseURL ?? "" } });
    expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(401);
  }
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Sign in as Ada Admin" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/signin.png", fullPage: true });
});
