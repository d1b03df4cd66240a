import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * The test file's own database, shared by its tests: created (and set up, say seeded) before the first test, dropped
 * after the last. Read `db` and `url` inside tests and hooks only; before the file's tests start there is none.
 */
export function sharedTestDatabase(
  setUp?: (database: TestDatabase) => Promise<unknown>,
): Pick<TestDatabase, "db" | "url"> {
  let database: TestDatabase | undefined;
  const current = () => {
    if (!database) throw new Error("the test database exists only while the file's tests run");
    return database;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    await setUp?.(database);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
