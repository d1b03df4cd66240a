import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDirectory } from "./process-lock";

describe("lockDirectory", () => {
  it("refuses a directory locked by a live process and names its PID", () => {
    const directory = mkdtempSync(join(tmpdir(), "gatehouse-lock-"));
    writeFileSync(join(directory, "gatehouse.pid"), String(process.ppid));
    expect(() => lockDirectory(directory)).toThrow(
      new RegExp(`in use by another Gatehouse process \\(PID ${process.ppid}\\)`),
    );
  });

  it("takes over a lock left by a process that has died, and releases it", () => {
    const directory = mkdtempSync(join(tmpdir(), "gatehouse-lock-"));
    writeFileSync(join(directory, "gatehouse.pid"), "2147483646");
    const release = lockDirectory(directory);
    release();
    expect(() => lockDirectory(directory)()).not.toThrow();
  });
});
