import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { sharedApiDatabase } from "@/lib/testing/shared-test-database";
import { allAuditEvents, auditFilterSchema, listAuditEvents } from "./list-audit-events";

// Filters run in the database, and the CSV export streams the same filtered log to admins only.

const admin = vi.hoisted(() => ({ allowed: true }));
vi.mock("@/lib/auth/current-user", () => ({
  requireAdmin: async () => {
    if (!admin.allowed) throw new AppError("FORBIDDEN", "Only platform admins may do this.");
    return { id: "admin", email: "ada@x", name: "Ada", memberships: [] };
  },
}));

const database = sharedApiDatabase(async ({ db }) => {
  await db.auditEvent.createMany({
    data: [
      {
        at: new Date("2026-03-01T10:00:00Z"),
        actorLabel: "paul@x",
        action: "request.submitted",
        targetType: "request",
        targetId: "req-1",
      },
      {
        at: new Date("2026-03-02T10:00:00Z"),
        actorLabel: "ada@x",
        action: "request.approved",
        targetType: "request",
        targetId: "req-1",
      },
      {
        at: new Date("2026-03-02T11:00:00Z"),
        actorLabel: "system",
        action: "run.started",
        targetType: "run",
        targetId: "run-9",
        details: { requestId: "req-1" },
      },
      {
        at: new Date("2026-03-03T09:00:00Z"),
        actorLabel: "token:ci",
        action: "request.submitted",
        targetType: "request",
        targetId: "req-2",
        details: { apiName: "=1+1" },
      },
      ...Array.from({ length: 60 }, (_, index) => ({
        at: new Date("2026-02-01T00:00:00Z"),
        actorLabel: "system",
        action: "auth.sign_in",
        targetType: "user",
        targetId: `u${index}`,
      })),
    ],
  });
});

const list = (query: Record<string, string>) => listAuditEvents(database.db, auditFilterSchema.parse(query));

describe("the audit log's filters", () => {
  it("find events by actor, action and request, including the run events that name the request", async () => {
    expect((await list({ actor: "PAUL" })).events.map((event) => event.action)).toEqual(["request.submitted"]);
    expect((await list({ action: "request.submitted" })).total).toBe(2);
    expect((await list({ target: "req-1" })).events.map((event) => event.action)).toEqual([
      "run.started",
      "request.approved",
      "request.submitted",
    ]);
  });

  it("limit to whole UTC days, both ends included", async () => {
    expect((await list({ from: "2026-03-02", to: "2026-03-02" })).events.map((event) => event.action)).toEqual([
      "run.started",
      "request.approved",
    ]);
    expect((await list({ from: "2026-03-03" })).total).toBe(1);
    expect((await list({ to: "2026-02-28" })).total).toBe(60);
  });

  it("read the whole matching log in batches, newest first, without repeats", async () => {
    const ids: bigint[] = [];
    for await (const event of allAuditEvents(database.db, {}, 10)) ids.push(event.id);
    expect(ids).toHaveLength(64);
    expect(new Set(ids).size).toBe(64);
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
  });

  it("page fifty at a time and ignore values that are not filters", async () => {
    const first = await list({ page: "1" });
    const second = await list({ page: "2" });
    expect([first.total, first.pages, first.events.length, second.events.length]).toEqual([64, 2, 50, 14]);
    expect((await list({ from: "yesterday", page: "-3", actor: "x".repeat(500) })).total).toBe(64);
  });
});

describe("GET /api/audit/export", () => {
  it("streams the filtered log as CSV with formula cells defused", async () => {
    const { GET } = await import("@/app/api/audit/export/route");
    const response = await GET(new Request("http://gatehouse.test/api/audit/export?action=request.submitted"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="gatehouse-audit-/);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor,actor_id,action,target_type,target_id,details");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("token:ci");
    expect(lines[1]).toContain(`"{""apiName"":""=1+1""}"`);
  });

  it("exports every row, and refuses anyone but an admin", async () => {
    const { GET } = await import("@/app/api/audit/export/route");
    const all = await (await GET(new Request("http://gatehouse.test/api/audit/export"))).text();
    expect(all.trimEnd().split("\r\n")).toHaveLength(65);
    admin.allowed = false;
    expect((await GET(new Request("http://gatehouse.test/api/audit/export"))).status).toBe(403);
  });
});
