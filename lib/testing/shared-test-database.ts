import { sharedForFile } from "@/lib/testing/shared-for-file";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/** The test file's own database, shared by its tests: created (and set up, say seeded) before the first, dropped after the last. */
export function sharedTestDatabase(
  setUp?: (database: TestDatabase) => Promise<unknown>,
): Pick<TestDatabase, "db" | "url"> {
  const current = sharedForFile(
    "the test database",
    async () => {
      const database = await createTestDatabase();
      await setUp?.(database);
      return database;
    },
    (database) => database.drop(),
  );
  return {
    get db() {
      return current().db;
    },
    get url() {
      return current().url;
    },
  };
}
