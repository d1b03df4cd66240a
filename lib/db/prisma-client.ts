import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A client for one database URL. Apart from the process-wide `db()` (client.ts, server-only): the launcher, scripts
 * and tests, Playwright's included, open their own databases with it.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 5 }) });
}
