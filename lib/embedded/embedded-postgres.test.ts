import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { findFreePort } from "./free-port";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/migrations";

describe("the embedded database", () => {
  it("keeps data across a restart and refuses a second server on its port", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-pglite-"));
    const port = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await applyMigrations(first.url);
    const db = createPrismaClient(first.url);
    await db.team.create({ data: { slug: "kept", name: "Kept" } });

    await expect(
      startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), "gatehouse-pglite-")), port }),
    ).rejects.toThrow(/Port \d+ .* already in use/);
    await db.$disconnect();
    await first.stop();

    const again = await startEmbeddedPostgres({ dataDir, port });
    const reopened = createPrismaClient(again.url);
    expect(await reopened.team.findUnique({ where: { slug: "kept" } })).toMatchObject({ name: "Kept" });
    await reopened.$disconnect();
    await again.stop();
  });

  it("serves concurrent transactions from several pooled connections", async () => {
    const server = await startEmbeddedPostgres({ port: await findFreePort() });
    await applyMigrations(server.url);
    const db = createPrismaClient(server.url);
    await Promise.all(
      ["a", "b", "c", "d"].map((slug) =>
        db.$transaction(async (tx) => {
          await tx.team.create({ data: { slug, name: slug } });
          await tx.team.update({ where: { slug }, data: { name: `${slug}!` } });
        }),
      ),
    );
    expect((await db.team.findMany({ orderBy: { slug: "asc" } })).map((team) => team.name)).toEqual([
      "a!",
      "b!",
      "c!",
      "d!",
    ]);
    await db.$disconnect();
    await server.stop();
  });

  it("keeps each connection's extended-protocol queries whole while other connections query at the same time", async () => {
    const server = await startEmbeddedPostgres({ port: await findFreePort() });
    await applyMigrations(server.url);
    const clients = [createPrismaClient(server.url), createPrismaClient(server.url)];
    try {
      await clients[0]?.team.createMany({
        data: Array.from({ length: 20 }, (_, i) => ({ slug: `t${i}`, name: `Team ${i}` })),
      });
      // The provisioning engine's pattern: compare-and-set updates, reads and short transactions from two pools at once.
      const work = Array.from({ length: 60 }, (_, i) => {
        const client = clients[i % 2];
        const slug = `t${i % 20}`;
        if (i % 3 === 0)
          return client?.team
            .updateMany({ where: { slug }, data: { name: `Team ${i % 20}` } })
            .then(() => `Team ${i % 20}`);
        if (i % 3 === 1)
          return client?.$transaction(async (tx) => (await tx.team.findUniqueOrThrow({ where: { slug } })).name);
        return client?.team.findUniqueOrThrow({ where: { slug } }).then((team) => team.name);
      });
      expect(await Promise.all(work)).toEqual(Array.from({ length: 60 }, (_, i) => `Team ${i % 20}`));
    } finally {
      await Promise.all(clients.map((client) => client?.$disconnect()));
      await server.stop();
    }
  });
});
