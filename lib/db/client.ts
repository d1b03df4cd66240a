import "server-only";
import { createPrismaClient } from "./prisma-client";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { gatehouseDb?: PrismaClient };

/** The process-wide client for DATABASE_URL (kept on globalThis so dev-server reloads reuse the pool). */
export function db(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  globalForDb.gatehouseDb ??= createPrismaClient(url);
  return globalForDb.gatehouseDb;
}
