import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { WorldData } from "./world";

/** Writes the world to `file` at most every `intervalMs`, atomically (write then rename), and once more on flush. */
export function createPersister(file: string, read: () => WorldData, intervalMs = 250) {
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(read()));
    renameSync(temporary, file);
  };
  return {
    markDirty() {
      dirty = true;
      timer ??= setTimeout(write, intervalMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      write();
    },
  };
}

export function loadWorldData(file: string): WorldData | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, "utf8")) as WorldData;
  // Version 1 held roles as lists of action names; their permissions cannot be carried over to policy documents.
  if (data.version !== 2) throw new Error(`${file}: unsupported simulator state version ${String(data.version)}; delete the file to start from the landscape again`);
  return data;
}
