import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./job-definition";
import { startWorker } from "./worker";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

const database = sharedTestDatabase();

describe("the worker", () => {
  it("runs a sent job with its validated payload, and a graceful stop waits for the job in flight", async () => {
    const events: string[] = [];
    let started!: () => void;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    const job = defineJob({
      name: "test.echo",
      schema: z.object({ message: z.string() }),
      async handle(data) {
        events.push(`start ${data.message}`);
        started();
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`end ${data.message}`);
      },
    });
    const worker = await startWorker({ databaseUrl: database.url, jobs: [job] });
    await worker.boss.send(job.name, { message: "hello" });
    await jobStarted;
    await worker.stop();
    events.push("stopped");
    expect(events).toEqual(["start hello", "end hello", "stopped"]);
  });

  it("gives an existing queue the retry and heartbeat settings of the job as it is defined now (an upgrade)", async () => {
    const definition = { name: "test.upgraded", schema: z.object({}), handle: async () => undefined };
    const before = await startWorker({
      databaseUrl: database.url,
      jobs: [defineJob({ ...definition, queue: { retryLimit: 1 } })],
    });
    await before.stop();
    const upgraded = defineJob({ ...definition, queue: { retryLimit: 7, heartbeatSeconds: 30 } });
    const after = await startWorker({ databaseUrl: database.url, jobs: [upgraded] });
    try {
      expect(await after.boss.getQueue(upgraded.name)).toMatchObject({ retryLimit: 7, heartbeatSeconds: 30 });
    } finally {
      await after.stop();
    }
  });

  it("refuses job names that are not lower-case dotted words", () => {
    expect(() => defineJob({ name: "Bad Name", schema: z.object({}), handle: async () => undefined })).toThrow(
      /lower-case/,
    );
  });
});
