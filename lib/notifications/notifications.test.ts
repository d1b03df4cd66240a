import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers, seedDemoOrganisation } from "@/lib/demo/demo-organisation";
import { senderOf, startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { defineDeliverJob, sweepNotificationsJob, sweepPendingDeliveries } from "./notification-jobs";
import { notify, type NotifiableRequest } from "./notify";
import { verifyWebhook } from "./webhook-signature";
import { remoteRequestData } from "@/lib/testing/remote-request-data";

// End to end through pg-boss: notify() in a transaction, the after-commit kick, the worker's deliver job, a local
// HTTP receiver that verifies the signature, and a failing receiver that sees the retries.

const secret = "test-webhook-secret-0123456789";
type Received = { body: string; valid: boolean };

let database: TestDatabase;
let server: Server;
let worker: RunningWorker;
let request: NotifiableRequest;
const received: Received[] = [];
let failingHits = 0;

function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    message.on("data", (chunk) => (body += chunk));
    message.on("end", () => resolve(body));
  });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  server = createServer(async (message, response) => {
    const body = await readBody(message);
    if (body.includes("receiver-should-fail")) {
      failingHits += 1;
      response.writeHead(500).end("receiver is down");
      return;
    }
    const valid = verifyWebhook(
      secret,
      {
        signature: String(message.headers["x-gatehouse-signature"] ?? ""),
        timestamp: String(message.headers["x-gatehouse-timestamp"] ?? ""),
      },
      body,
    );
    received.push({ body, valid });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.GATEHOUSE_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  process.env.GATEHOUSE_WEBHOOK_SECRET = secret;
  process.env.AUTH_URL = "https://gatehouse.example";
  await seedDemoOrganisation(database.db);
  request = await createRequest();
  worker = await startWorker({
    databaseUrl: database.url,
    jobs: [defineDeliverJob({ maxAttempts: 3, timeoutMs: 2_000, retryDelaySeconds: 1 }), sweepNotificationsJob],
  });
});

afterAll(async () => {
  await worker?.stop();
  await database?.drop();
  server?.close();
});

async function createRequest(): Promise<NotifiableRequest> {
  const db = database.db;
  const payments = await db.team.findUniqueOrThrow({ where: { slug: "payments" } });
  const platform = await db.team.findUniqueOrThrow({ where: { slug: "platform" } });
  const paul = await db.user.findUniqueOrThrow({ where: { email: demoUsers[2].email } });
  const account = await db.awsAccount.create({
    data: {
      accountId: "111111111111",
      alias: "platform-hub",
      kind: "platform",
      roleArn: "arn:aws:iam::111111111111:role/GatehouseProvisioner",
      externalId: "x1",
      regions: ["eu-west-1"],
      owningTeamId: platform.id,
    },
  });
  const hub = await db.platformHub.create({
    data: {
      accountId: account.id,
      region: "eu-west-1",
      vpcId: "vpc-1",
      subnetIds: ["subnet-1"],
      securityGroupIds: ["sg-1"],
      executeApiEndpointId: "vpce-1",
    },
  });
  return db.exposureRequest.create({
    data: remoteRequestData({ teamId: payments.id, requesterId: paul.id, hubId: hub.id }),
  });
}

const deliveryOf = (id: string) => database.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
/** A delivery row written a minute ago whose job never ran: the sweep's to send. */
const minuteOldDelivery = (event: string, text: string) =>
  database.db.webhookDelivery.create({
    data: { event, requestId: request.id, payload: { text }, createdAt: new Date(Date.now() - 60_000) },
  });

describe("webhook notifications", () => {
  it("deliver a signed, Slack-compatible message soon after the transaction commits", async () => {
    await database.db.$transaction((tx) =>
      notify(tx, "request.approved", request, { actor: "ada.admin@gatehouse.demo" }),
    );
    const row = await database.db.webhookDelivery.findFirstOrThrow({ where: { event: "request.approved" } });
    const delivered = await waitFor(
      () => deliveryOf(row.id),
      (delivery) => delivery.status !== "pending",
    );
    expect(delivered).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    expect(received).toHaveLength(1);
    expect(received[0]?.valid).toBe(true);
    const payload = JSON.parse(received[0]?.body ?? "{}");
    expect(payload.text).toContain("orders (prod, Payments) approved by ada.admin@gatehouse.demo");
    expect(payload).toMatchObject({
      event: "request.approved",
      request: { id: request.id, url: `https://gatehouse.example/requests/${request.id}` },
    });
  });

  it("write nothing when the caller's transaction rolls back", async () => {
    const before = await database.db.webhookDelivery.count();
    await expect(
      database.db.$transaction(async (tx) => {
        await notify(tx, "request.submitted", request);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await database.db.webhookDelivery.count()).toBe(before);
    expect(received.filter((item) => item.body.includes("request.submitted"))).toHaveLength(0);
  });

  it("retry a failing receiver with backoff, then mark the delivery failed with the receiver's answer", async () => {
    const failing = await minuteOldDelivery("request.failed", "receiver-should-fail");
    await sweepPendingDeliveries(database.db, senderOf(worker.boss));
    const final = await waitFor(
      () => deliveryOf(failing.id),
      (delivery) => delivery.status !== "pending",
      30_000,
    );
    expect(final).toMatchObject({ status: "failed", attempts: 3, lastError: "HTTP 500: receiver is down" });
    expect(failingHits).toBe(3);
  }, 40_000);

  it("sweep rows whose job was never queued, once each however often the sweep runs", async () => {
    const orphan = await minuteOldDelivery("request.active", "orphan");
    const sender = senderOf(worker.boss);
    await sweepPendingDeliveries(database.db, sender);
    await sweepPendingDeliveries(database.db, sender);
    // The bound is generous because CI shares two cores with other test files; a pass takes about 2 s. On a failure
    // the whole row (attempts, lastError) is printed.
    const delivered = await waitFor(
      () => deliveryOf(orphan.id),
      (delivery) => delivery.status !== "pending",
      60_000,
    );
    expect(delivered).toMatchObject({ status: "delivered" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received.filter((item) => item.body.includes("orphan"))).toHaveLength(1);
  }, 70_000);
});
