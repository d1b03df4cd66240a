import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalQueue } from "./approval-queue";
import { decideRequest } from "./decide-request";
import { decisionSchema, type DecisionInput } from "./decision-schema";
import type { Db } from "@/lib/db/client";
import { parseBody } from "@/lib/http/api-route";
import { translate } from "@/lib/i18n/translate";
import { getRequestDetails } from "@/lib/requests/request-details";
import { requestDecommission } from "@/lib/requests/request-lifecycle";
import { seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// Decisions against a real PostgreSQL: who may decide, four-eyes, one decision per request and kind even when two
// admins click at the same moment, and what each decision starts.

let database: TestDatabase;
let db: Db;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
const queued: string[] = [];
const dependencies = () => ({ db, queueRunAdvance: async (runId: string) => void queued.push(runId) });
const approve: DecisionInput = { kind: "exposure", decision: "approved" };

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await seedRequestWorld(db);
});

afterAll(async () => {
  await database.drop();
});

describe("deciding an exposure", () => {
  it("is refused to requesters and viewers, on the server", async () => {
    const id = await world.putRequest();
    for (const name of ["Paul Payments", "Lena Logistics", "Vic Viewer"] as const) {
      await expect(decideRequest(dependencies(), world.userNamed(name), id, approve)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.approval.count({ where: { requestId: id } })).toBe(0);
  });

  it("is refused to the admin who submitted the request (four-eyes), with a message that says so", async () => {
    const ada = world.userNamed("Ada Admin");
    const id = await world.putRequest({ requesterId: ada.id });
    await expect(decideRequest(dependencies(), ada, id, approve)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/another platform admin must decide it/),
    });
    expect((await getRequestDetails(db, ada, id)).can).toMatchObject({
      decide: null,
      decideRefusal: { key: "errors.approvals.ownRequest" },
    });
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending_approval");
    await decideRequest(dependencies(), world.userNamed("Grace Admin"), id, approve);
    expect((await db.approval.findFirstOrThrow({ where: { requestId: id } })).deciderId).toBe(
      world.userNamed("Grace Admin").id,
    );
  });

  it("needs a comment to reject, named as a field error", () => {
    expect(() => parseBody(decisionSchema, { kind: "exposure", decision: "rejected" })).toThrow(
      expect.objectContaining({
        code: "VALIDATION_FAILED",
        fieldErrors: { comment: ["validation.approvals.commentRequired"] },
      }),
    );
    expect(() => parseBody(decisionSchema, { kind: "exposure", decision: "rejected", comment: "   " })).toThrow(
      expect.objectContaining({ fieldErrors: expect.objectContaining({ comment: expect.any(Array) }) }),
    );
    expect(() =>
      parseBody(decisionSchema, { kind: "exposure", decision: "approved", comment: "<script>alert(1)</script>" }),
    ).toThrow(expect.objectContaining({ fieldErrors: expect.objectContaining({ comment: expect.any(Array) }) }));
  });

  it("records a rejection with its comment, and refuses a second decision naming the first decider", async () => {
    const id = await world.putRequest();
    await decideRequest(dependencies(), world.userNamed("Ada Admin"), id, {
      kind: "exposure",
      decision: "rejected",
      comment: "Use the shared ledger API instead.",
    });
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("rejected");
    expect(await db.auditEvent.findFirst({ where: { targetId: id, action: "request.rejected" } })).toMatchObject({
      actorLabel: "ada.admin@gatehouse.demo",
      details: { comment: "Use the shared ledger API instead." },
    });
    await expect(decideRequest(dependencies(), world.userNamed("Grace Admin"), id, approve)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Already rejected by Ada Admin/),
    });
    expect(await db.provisioningRun.count({ where: { requestId: id } })).toBe(0);
  });

  it("lets exactly one of two simultaneous approvals win: one Approval, one run, one queued job", async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await world.putRequest();
      queued.length = 0;
      const outcomes = await Promise.allSettled([
        decideRequest(dependencies(), world.userNamed("Ada Admin"), id, approve),
        decideRequest(dependencies(), world.userNamed("Grace Admin"), id, approve),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
      const lost = outcomes.filter((outcome) => outcome.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/^Already approved by (Ada|Grace) Admin/),
      });
      expect(await db.approval.count({ where: { requestId: id } })).toBe(1);
      const runs = await db.provisioningRun.findMany({ where: { requestId: id } });
      expect(runs).toHaveLength(1);
      expect(queued).toEqual([runs[0]?.id]);
      expect((await db.exposureRequest.findUniqueOrThrow({ where: { id } })).status).toBe("provisioning");
      expect(await db.auditEvent.count({ where: { targetId: id, action: "request.approved" } })).toBe(1);
    }
  });
});

describe("deciding a decommission", () => {
  it("goes through the queue like a new request; approval starts the teardown, rejection keeps the exposure active", async () => {
    const paul = world.userNamed("Paul Payments");
    const kept = await world.putRequest({ status: "active", apiName: "kept" });
    const retired = await world.putRequest({ status: "active", apiName: "retired" });
    await requestDecommission(db, paul, kept);
    await requestDecommission(db, paul, retired);
    const queue = await approvalQueue(db, { kind: "decommission" });
    expect(queue.items.map((item) => item.requestId)).toEqual([kept, retired]);
    expect(queue.counts.decommission).toBe(2);

    await decideRequest(dependencies(), world.userNamed("Ada Admin"), kept, {
      kind: "decommission",
      decision: "rejected",
      comment: "Still used by billing.",
    });
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: kept } })).status).toBe("active");

    queued.length = 0;
    const { runId } = await decideRequest(dependencies(), world.userNamed("Grace Admin"), retired, {
      kind: "decommission",
      decision: "approved",
    });
    expect(await db.provisioningRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      kind: "decommission",
      status: "queued",
    });
    expect(queued).toEqual([runId]);
    expect((await db.exposureRequest.findUniqueOrThrow({ where: { id: retired } })).status).toBe("decommissioning");
  });

  it("is refused to the admin who asked for it", async () => {
    const grace = world.userNamed("Grace Admin");
    const id = await world.putRequest({ status: "active" });
    await db.auditEvent.create({
      data: {
        actorId: grace.id,
        actorLabel: grace.email,
        action: "request.decommission_requested",
        targetType: "request",
        targetId: id,
      },
    });
    await db.exposureRequest.update({ where: { id }, data: { status: "decommission_pending" } });
    await expect(
      decideRequest(dependencies(), grace, id, { kind: "decommission", decision: "approved" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The request page offers her no decision and says why; another admin gets the buttons.
    const hers = await getRequestDetails(db, grace, id);
    expect(hers.can.decide).toBeNull();
    expect(hers.can.decideRefusal && translate(hers.can.decideRefusal, "en")).toBe(
      "You asked for this decommission, so another platform admin must decide it (four-eyes).",
    );
    const adas = await getRequestDetails(db, world.userNamed("Ada Admin"), id);
    expect(adas.can).toMatchObject({ decide: "decommission", decideRefusal: null });
  });
});

describe("the approval queue", () => {
  it("lists pending work oldest first with counts, filtered by team, scenario and age", async () => {
    const lena = world.userNamed("Lena Logistics");
    const old = await world.putRequest({ apiName: "old-one" });
    await db.exposureRequest.update({ where: { id: old }, data: { updatedAt: new Date(Date.now() - 3 * 86_400_000) } });
    const logistics = await world.putRequest({
      apiName: "tracking",
      teamId: world.teams.logistics,
      requesterId: lena.id,
    });
    const all = await approvalQueue(db, {});
    expect(all.items[0]?.requestId).toBe(old);
    expect(all.items.map((item) => item.requestId)).toContain(logistics);
    expect(all.counts.exposure).toBe(all.items.filter((item) => item.kind === "exposure").length);
    expect((await approvalQueue(db, { team: world.teams.logistics })).items.map((item) => item.requestId)).toEqual([
      logistics,
    ]);
    expect((await approvalQueue(db, { olderThanHours: 48 })).items.map((item) => item.requestId)).toEqual([old]);
    expect((await approvalQueue(db, { scenario: "cross_account_nlb" })).items).toEqual([]);
  });
});
