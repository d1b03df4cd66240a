import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainHub } from "./drain-hub";
import { pinTeamToHub } from "./pin-team-to-hub";
import { seedRequestWorld } from "@/lib/requests/testing/seed-request-world";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

// Draining and pinning on real PostgreSQL (submit-request.test.ts shows placement passing a drained hub over and
// honouring a pin): every change is audited once, and an unknown hub is a 404.

let database: TestDatabase;
let world: Awaited<ReturnType<typeof seedRequestWorld>>;
const admin = { id: "", label: "ada.admin@gatehouse.demo" };

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedRequestWorld(database.db);
  admin.id = world.userNamed("Ada Admin").id;
});
afterAll(() => database.drop());

describe("drainHub", () => {
  it("drains and undrains the hub, auditing each change once", async () => {
    const { db } = database;
    const drained = await drainHub(db, admin, world.hubId, true);
    expect(drained.drainedAt).toBeInstanceOf(Date);
    expect((await drainHub(db, admin, world.hubId, true)).drainedAt).toEqual(drained.drainedAt);
    expect((await drainHub(db, admin, world.hubId, false)).drainedAt).toBeNull();
    const events = await db.auditEvent.findMany({ where: { targetId: world.hubId }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorLabel])).toEqual([
      ["hub.drained", "ada.admin@gatehouse.demo"],
      ["hub.undrained", "ada.admin@gatehouse.demo"],
    ]);
  });

  it("answers 404 for a hub that does not exist", async () => {
    await expect(drainHub(database.db, admin, "nohub", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      pinTeamToHub(database.db, admin, { hubId: "nohub", teamId: world.teams.payments, pinned: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("pinTeamToHub", () => {
  it("pins a team to the hub in its region and removes the pin, auditing both; an unknown team is a field error", async () => {
    const { db } = database;
    const pin = { hubId: world.hubId, teamId: world.teams.payments };
    await pinTeamToHub(db, admin, { ...pin, pinned: true });
    expect(await db.teamHubPin.findMany()).toMatchObject([{ ...pin, region: "eu-west-1" }]);
    await pinTeamToHub(db, admin, { ...pin, pinned: false });
    expect(await db.teamHubPin.count()).toBe(0);
    const actions = await db.auditEvent.findMany({
      where: { action: { startsWith: "hub.team_" } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((event) => event.action)).toEqual(["hub.team_pinned", "hub.team_unpinned"]);
    await expect(pinTeamToHub(db, admin, { ...pin, teamId: "noteam", pinned: true })).rejects.toMatchObject({
      message: "Choose one of the teams.",
      fieldErrors: { teamId: ["validation.hubs.chooseListedTeam"] },
    });
  });
});
