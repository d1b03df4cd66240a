import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 5 }) });
}

const globalForDb = globalThis as unknown as { gatehouseDb?: PrismaClient };

/** The process-wide client for DATABASE_URL (kept on globalThis so dev-server reloads reuse the pool). */
export function db(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  globalForDb.gatehouseDb ??= createPrismaClient(url);
  return globalForDb.gatehouseDb;
}
