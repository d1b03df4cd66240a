import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reserveCallSlot } from "./api-call-pacing";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

const account = { accountId: "111111111111", region: "eu-west-1" };

describe("reserveCallSlot", () => {
  it("spaces one operation's calls in an account by AWS's interval and a margin, starting now", async () => {
    const now = new Date("2026-11-26T10:00:00.000Z");
    const slots = [];
    for (let call = 0; call < 3; call += 1)
      slots.push(await reserveCallSlot(database.db, { ...account, operation: "CreateDeployment", now }));
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      "2026-11-26T10:00:00.000Z",
      "2026-11-26T10:00:05.500Z",
      "2026-11-26T10:00:11.000Z",
    ]);
  });

  it("keeps operations, accounts and regions on their own timelines, and an idle timeline starts again from now", async () => {
    const now = new Date("2026-11-26T11:00:00.000Z");
    expect((await reserveCallSlot(database.db, { ...account, operation: "CreateRestApi", now })).toISOString()).toBe(
      now.toISOString(),
    );
    expect(
      (
        await reserveCallSlot(database.db, { ...account, region: "eu-central-1", operation: "CreateDeployment", now })
      ).toISOString(),
    ).toBe(now.toISOString());
    expect(
      (
        await reserveCallSlot(database.db, {
          accountId: "333333333333",
          region: "eu-west-1",
          operation: "CreateDeployment",
          now,
        })
      ).toISOString(),
    ).toBe(now.toISOString());
    // The first test's CreateDeployment timeline ended at 10:00:16.5, long before 11:00.
    expect((await reserveCallSlot(database.db, { ...account, operation: "CreateDeployment", now })).toISOString()).toBe(
      now.toISOString(),
    );
  });

  it("gives workers reserving at the same moment distinct, evenly spaced slots", async () => {
    const now = new Date("2026-11-26T12:00:00.000Z");
    // Separate clients stand for separate worker processes, each with its own connections.
    const workers = [
      createPrismaClient(database.url),
      createPrismaClient(database.url),
      createPrismaClient(database.url),
    ];
    try {
      const slots = await Promise.all(
        workers.flatMap((db) =>
          Array.from({ length: 4 }, () =>
            reserveCallSlot(db, { ...account, operation: "CreateRestApi", now, timeScale: 3 }),
          ),
        ),
      );
      const times = slots.map((slot) => slot.getTime() - now.getTime()).sort((a, b) => a - b);
      expect(times).toEqual(Array.from({ length: 12 }, (_, index) => index * 1_100));
    } finally {
      await Promise.all(workers.map((db) => db.$disconnect()));
    }
  });
});
