import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { readMigrations, defaultMigrationsDir, migrationList, schemaPath } from "./migration-files";
import { applyMigrations } from "./migrations";
import { openSchemaEngine } from "./schema-engine";
import { sharedTestDatabase } from "@/lib/testing/shared-test-database";

const database = sharedTestDatabase();

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("records every migration in Prisma Migrate's bookkeeping table with the file's checksum", async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    expect(rows.map((row) => row.checksum)).toEqual(files.map((file) => file.checksum));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(database.url)).toEqual({ applied: [] });
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    const copy = mkdtempSync(join(tmpdir(), "gatehouse-migrations-"));
    cpSync(defaultMigrationsDir, copy, { recursive: true });
    const first = readMigrations(copy)[0];
    if (!first) throw new Error("no migrations");
    const file = join(copy, first.name, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
    await expect(applyMigrations(database.url, { migrationsDir: copy })).rejects.toThrow(
      /was changed after it was applied/,
    );
  });

  it("applies a new migration and leaves nothing behind when one fails", async () => {
    const copy = mkdtempSync(join(tmpdir(), "gatehouse-migrations-"));
    cpSync(defaultMigrationsDir, copy, { recursive: true });
    cpSync(join(copy, readMigrations(copy)[0]?.name ?? ""), join(copy, "99990101000000_broken"), { recursive: true });
    writeFileSync(
      join(copy, "99990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" (id int);\nSELECT no_such_function();`,
    );
    await expect(applyMigrations(database.url, { migrationsDir: copy })).rejects.toThrow(
      /99990101000000_broken failed/,
    );
    const leftovers = await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(leftovers).toHaveLength(0);
  });
});

describe("schema and migrations", () => {
  // The WebAssembly engine cannot read PGlite's catalog (it panics), so this check needs a real PostgreSQL server;
  // CI always provides one through TEST_DATABASE_URL.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "agree: the database the migrations build has exactly the schema of prisma/schema.prisma",
    async () => {
      const schemaFiles = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
      const engine = await openSchemaEngine(database.url, schemaPath);
      try {
        const result = await engine.diff({
          // The live database the engine is connected to, which only our migrations have shaped.
          from: { tag: "schemaDatasource", files: schemaFiles, configDir: dirname(schemaPath) },
          to: { tag: "schemaDatamodel", files: schemaFiles },
          script: true,
          exitCode: true,
          filters: { externalTables: [], externalEnums: [] },
        });
        expect(
          result.exitCode,
          `the schema differs from the migrations; run \`npm run db:migrate:create -- <name>\`:\n${result.stdout ?? ""}`,
        ).toBe(0);
      } finally {
        engine.free();
      }
      expect(migrationList().lockfile.content).toContain('provider = "postgresql"');
    },
  );
});

describe("the audit log", () => {
  it("accepts new events but refuses to change or remove history", async () => {
    await database.db.auditEvent.create({ data: { actorLabel: "system", action: "demo.seeded", targetType: "test" } });
    await expect(database.db.auditEvent.updateMany({ data: { actorLabel: "someone else" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await database.db.auditEvent.count()).toBe(1);
  });
});
