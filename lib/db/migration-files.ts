import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

// Prisma Migrate's directory layout: prisma/migrations/<timestamp>_<name>/migration.sql plus migration_lock.toml.

export const defaultMigrationsDir = resolve(import.meta.dirname, "../../prisma/migrations");
export const schemaPath = resolve(import.meta.dirname, "../../prisma/schema.prisma");

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(migrationsDir = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The migrations as the schema engine reads them. */
export function migrationList(migrationsDir = defaultMigrationsDir): MigrationList {
  const lockPath = join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
    })),
  };
}
