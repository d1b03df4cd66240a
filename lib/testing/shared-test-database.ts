import { sharedForFile } from "@/lib/testing/shared-for-file";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/** The test file's own database, shared by its tests: created (and set up, say seeded) before the first, dropped after the last. */
export function sharedTestDatabase(
  setUp?: (database: TestDatabase) => Promise<unknown>,
): Pick<TestDatabase, "db" | "url"> {
  const current = sharedForFile("the test database", createTestDatabase, (database) => database.drop(), setUp);
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}

/** The portal origin route tests send their requests from; mutations must come from it (lib/http/same-origin.ts). */
export const testPortalOrigin = "http://gatehouse.test";

/**
 * The test file's database as the app's own (DATABASE_URL, for route handlers imported in `setUp`), with the portal at
 * `testPortalOrigin` (AUTH_URL).
 */
export function sharedApiDatabase(
  setUp: (database: TestDatabase) => Promise<unknown>,
): Pick<TestDatabase, "db" | "url"> {
  return sharedTestDatabase(async (database) => {
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_URL = testPortalOrigin;
    await setUp(database);
  });
}
