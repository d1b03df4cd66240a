import { applyMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";

// `npm run db:migrate:deploy`: applies pending migrations to DATABASE_URL (same result as `prisma migrate deploy`).
const url = env().DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL: required");
  process.exit(1);
}
const { applied } = await applyMigrations(url, { log: (line) => console.log(line) });
console.log(applied.length === 0 ? "database is up to date" : `${applied.length} migration(s) applied`);
