import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// A PID lock on a data directory: two processes opening one PGlite directory would corrupt it. A lock left by a
// process that has died is taken over.

export class DataDirectoryInUseError extends Error {
  constructor(directory: string, pid: number) {
    super(
      `The data directory ${directory} is in use by another Gatehouse process (PID ${pid}). Stop it first, or set GATEHOUSE_DATA_DIR to another directory.`,
    );
    this.name = "DataDirectoryInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DataDirectoryInUseError; returns the release function. */
export function lockDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, "gatehouse.pid");
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder))
      throw new DataDirectoryInUseError(directory, holder);
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
