import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultMigrationsDir, migrationList, schemaPath } from "@/lib/db/migration-files";
import { openSchemaEngine } from "@/lib/db/schema-engine";

// `npm run db:migrate:create -- <name>`: writes the next migration's SQL from prisma/schema.prisma, offline, with
// Prisma's schema engine in WebAssembly. It replays the existing migrations in a shadow database on the server of
// SHADOW_DATABASE_URL (default: the local PostgreSQL), so no native engine is downloaded.
// On a machine with internet access `npx prisma migrate dev --name <name>` does the same.

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:create -- <name>   (lower-case letters, digits and underscores)");
  process.exit(1);
}
const serverUrl =
  process.env.SHADOW_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const engine = await openSchemaEngine(serverUrl, schemaPath);
const result = await engine.diff({
  from: { tag: "migrations", ...migrationList() },
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
  script: true,
  exitCode: true,
  filters: { externalTables: [], externalEnums: [] },
});
engine.free();

if (result.exitCode !== 2 || !result.stdout?.trim()) {
  console.log("no changes: the migrations already match prisma/schema.prisma");
  process.exit(0);
}
const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const directory = join(defaultMigrationsDir, `${timestamp}_${name}`);
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, "migration.sql"), result.stdout);
console.log(`wrote ${join(directory, "migration.sql")}`);
