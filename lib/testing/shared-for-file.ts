import { afterAll, beforeAll } from "vitest";

/**
 * Something every test of a file shares (a database, a simulator): started (and set up, say seeded) before the first
 * test, stopped after the last. The returned function reads it inside tests and hooks; before the file's tests start
 * there is none.
 */
export function sharedForFile<T>(
  name: string,
  start: () => Promise<T>,
  stop: (started: T) => Promise<void>,
  setUp?: (started: T) => Promise<unknown>,
): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    await setUp?.(started);
  });
  afterAll(async () => {
    if (started !== undefined) await stop(started);
  });
  return () => {
    if (started === undefined) throw new Error(`${name} exists only while the file's tests run`);
    return started;
  };
}
