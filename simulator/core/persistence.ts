import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { allowActions } from "./policy-evaluation";
import type { AccessKey, Role, WorldData } from "./world";

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
  const data = JSON.parse(readFileSync(file, "utf8")) as WorldData | WorldDataV1;
  if (data.version === 1) return fromVersion1(data);
  if (data.version !== 2)
    throw new Error(`${file}: unsupported simulator state version ${String((data as { version: unknown }).version)}`);
  return data;
}

type WithActions<T> = Omit<T, "policies"> & { allowedActions: string[] };
type WorldDataV1 = Omit<WorldData, "version" | "roles" | "accessKeys"> & {
  version: 1;
  roles: Record<string, WithActions<Role>>;
  accessKeys: Record<string, WithActions<AccessKey>>;
};

/** Version 1 held each identity's permissions as a list of action names: each becomes one Allow statement on "*". */
function fromVersion1(data: WorldDataV1): WorldData {
  const withPolicies = <T extends { allowedActions: string[] }>(records: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(records).map(([key, { allowedActions, ...rest }]) => [
        key,
        { ...rest, policies: [allowActions(allowedActions)] },
      ]),
    );
  return { ...data, version: 2, roles: withPolicies(data.roles), accessKeys: withPolicies(data.accessKeys) };
}
