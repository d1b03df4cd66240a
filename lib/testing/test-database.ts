import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { applyMigrations } from "@/lib/db/migrations";
import { startEmbeddedPostgres } from "@/lib/embedded/embedded-postgres";
import { findFreePort } from "@/lib/embedded/free-port";

// Each test file gets its own throwaway, migrated database: a fresh database on the PostgreSQL server of
// TEST_DATABASE_URL when it is set (CI), otherwise an in-memory PGlite served on a free loopback port.

export type TestDatabase = { url: string; db: Db; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createOnServer(serverUrl) : createEmbedded();
}

/** A throwaway, migrated database on the PostgreSQL server of `serverUrl`. */
export async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const db = createPrismaClient(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await runAdmin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function createEmbedded(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres({ port: await findFreePort() });
  await applyMigrations(server.url);
  const db = createPrismaClient(server.url);
  return {
    url: server.url,
    db,
    async drop() {
      await db.$disconnect();
      await server.stop();
    },
  };
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
