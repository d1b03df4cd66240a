import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { apiEntityV1alpha1Validator, type Entity } from "@backstage/catalog-model";
import { expect, test, type Page } from "@playwright/test";
import { parseAllDocuments } from "yaml";
import { ensureRequestWorld, withWorldDatabase } from "./fixtures/request-world";
import { signedIn } from "./fixtures/sign-in";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { ordersDocument } from "@/lib/catalog/testing/orders-openapi";
import { ledgerRequestAnswers } from "@/lib/requests/testing/seed-request-world";
import { findActiveUser } from "@/lib/users/sign-in";

// The API catalog: any signed-in user finds an active exposure with its owner, invoke URLs, last verify and consumer
// count, and a link to request access; the owning team describes it and attaches an OpenAPI document (a bad one is
// refused naming its line), which the API page renders with Scalar under the portal's CSP (no violation, nothing
// fetched from another origin). The exposure is written into the launcher's database as a finished run leaves it.

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

async function seedActiveExposure(apiName: string): Promise<string> {
  await ensureRequestWorld();
  return withWorldDatabase(async (db) => {
    const [payments, paul, hub] = await Promise.all([
      db.team.findUniqueOrThrow({ where: { slug: "payments" } }),
      db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } }),
      db.platformHub.findFirstOrThrow({ where: { region: "eu-west-1" } }),
    ]);
    const request = await db.exposureRequest.create({
      data: {
        teamId: payments.id,
        requesterId: paul.id,
        hubId: hub.id,
        ...ledgerRequestAnswers(),
        apiName,
        justification: "Catalog journey fixture.",
        status: "active",
        runs: {
          create: {
            kind: "provision",
            status: "succeeded",
            steps: {
              create: {
                stepId: "restApi.deploy",
                status: "succeeded",
                outputs: {
                  deploymentId: "dep1",
                  invokeUrl: `https://a1b2c3d4e5-${hub.executeApiEndpointId}.execute-api.eu-west-1.amazonaws.com/prod`,
                  privateDnsInvokeUrl: "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod",
                },
              },
            },
          },
        },
        checks: { create: { healthy: true } },
        consumerEndpoints: { create: { vpcEndpointIds: ["vpce-0a1b2c3d4e5f60718", "vpce-0a1b2c3d4e5f60719"] } },
      },
    });
    return request.id;
  });
}

/** Collects CSP violations and requests to any other origin while the page runs. */
function watchSecurity(page: Page) {
  const violations: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== baseURL) foreign.push(request.url());
  });
  return { violations, foreign };
}

test("a team describes its API in the catalog; another team finds it, reads its OpenAPI document and is offered access", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const apiName = `orders-${Date.now().toString(36)}`;
  const id = await seedActiveExposure(apiName);

  const paul = await signedIn(browser, "Paul Payments");
  const paulWatch = watchSecurity(paul);
  await paul.goto(`/catalog/${id}`);
  await paul.getByLabel("Description", { exact: true }).fill("Orders of the web shop, read-only.");
  await paul.getByLabel("Contact").fill("#payments-oncall");
  await paul.getByRole("button", { name: "Save", exact: true }).click();
  await expect(paul.getByRole("status").first()).toHaveText("Saved.");

  await paul
    .getByRole("textbox", { name: "OpenAPI document" })
    .fill(ordersDocument.replace("description: One order", "description: 3"));
  await paul.getByRole("button", { name: "Save document" }).click();
  await expect(paul.getByText(/line 22: .*must be string/)).toBeVisible();

  await paul.getByRole("textbox", { name: "OpenAPI document" }).fill(ordersDocument);
  await paul.getByRole("button", { name: "Save document" }).click();
  await expect(paul.getByText("Document saved.")).toBeVisible();

  // The one route whose body may pass 64 KiB, through the real proxy: 100 KiB is taken, over 256 KiB is a 413.
  const padded = `${ordersDocument}# ${"x".repeat(100 * 1024)}\n`;
  const big = await paul.request.put(`/api/catalog/${id}/openapi`, { headers: { origin: baseURL }, data: padded });
  expect(big.status(), await big.text()).toBe(200);
  const tooBig = `${ordersDocument}# ${"x".repeat(260 * 1024)}\n`;
  const refused = await paul.request.put(`/api/catalog/${id}/openapi`, { headers: { origin: baseURL }, data: tooBig });
  expect(refused.status()).toBe(413);
  const elsewhere = await paul.request.post("/api/requests", { headers: { origin: baseURL }, data: padded });
  expect(elsewhere.status()).toBe(413);
  expect(paulWatch.violations).toEqual([]);

  const lena = await signedIn(browser, "Lena Logistics");
  const watch = watchSecurity(lena);
  await lena.goto("/catalog");
  const row = lena.getByRole("row").filter({ hasText: apiName });
  await expect(row).toContainText("Payments");
  await expect(row).toContainText("Orders of the web shop, read-only.");
  await expect(row).toContainText("#payments-oncall");
  await expect(row).toContainText("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod");
  await expect(row).toContainText("Healthy");
  await expect(row.getByRole("cell").nth(6)).toHaveText("2");
  await expect(row.getByRole("link", { name: "Request access" })).toHaveAttribute("href", `/catalog/${id}/access`);
  await lena.screenshot({ path: "artifacts/screenshots/catalog.png", fullPage: true });

  await row.getByRole("link", { name: apiName }).click();
  await expect(lena).toHaveURL(`/catalog/${id}`);
  const reference = lena.getByRole("region", { name: "API reference" });
  await expect(reference.getByText("List orders").first()).toBeVisible({ timeout: 30_000 });
  await expect(reference.getByText("Read one order").first()).toBeVisible();
  await expect(lena.getByRole("form", { name: "Catalog entry" })).toHaveCount(0);
  await lena.screenshot({ path: "artifacts/screenshots/catalog-api.png", fullPage: true });
  expect(watch.violations).toEqual([]);
  expect(watch.foreign).toEqual([]);
});

test("the README's Backstage command answers entities @backstage/catalog-model accepts, owned by the team", async () => {
  const apiName = `backstage-${Date.now().toString(36)}`;
  const id = await seedActiveExposure(apiName);
  const token = await withWorldDatabase(async (db) => {
    const row = await db.user.findUniqueOrThrow({ where: { email: "lena.logistics@gatehouse.demo" } });
    const lena = (await findActiveUser(db, row.id))!;
    const name = `backstage ${Date.now().toString(36)}`;
    return (await createApiToken(db, lena, { name, scopes: ["catalog:read"], expiresInDays: 1 })).secret;
  });
  const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
  const command = /<!-- e2e\/catalog\.spec\.ts backstage -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  expect(command).toContain("/api/v1/catalog/backstage");
  const { stdout } = await promisify(execFile)("bash", ["-euo", "pipefail", "-c", command], {
    env: { ...process.env, GATEHOUSE_TOKEN: token, GATEHOUSE_URL: baseURL },
  });
  const entities = parseAllDocuments(stdout).map((document) => document.toJS() as Entity);
  for (const entity of entities) expect(await apiEntityV1alpha1Validator.check(entity)).toBe(true);
  const ours = entities.find((entity) => entity.metadata.annotations?.["gatehouse.io/exposure-id"] === id);
  expect(ours?.spec).toMatchObject({ type: "openapi", lifecycle: "production", owner: "group:default/payments" });
  expect(ours?.metadata.links).toContainEqual({ url: `${baseURL}/catalog/${id}`, title: "Gatehouse catalog page" });
});
