import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultLandscapeFile } from "@/simulator/server";
import { demoRoles } from "@/simulator/testing/demo-roles";

// A hub pool for tests and benchmarks: the demo landscape with its platform account repeated, one hub per copy.

type LandscapeAccount = { accountId: string; roles: { externalId?: string }[] };

/** The pool's platform accounts: the demo's (111111111111) and its copies 111111111112, …, each with its ExternalId. */
export function platformRole(index: number) {
  if (index === 0) return demoRoles.platform;
  return {
    accountId: String(Number(demoRoles.platform.accountId) + index),
    externalId: `${demoRoles.platform.externalId}-${index}`,
  };
}

/** The demo landscape with its platform account repeated `hubs` times, written to a temporary file. */
export function poolLandscape(hubs: number): string {
  const landscape = JSON.parse(readFileSync(defaultLandscapeFile, "utf8")) as { accounts: LandscapeAccount[] };
  const platform = landscape.accounts.find((account) => account.accountId === demoRoles.platform.accountId);
  if (!platform) throw new Error("the demo landscape has no platform account");
  for (let index = 1; index < hubs; index += 1) {
    const { accountId, externalId } = platformRole(index);
    const copy = structuredClone(platform);
    landscape.accounts.push({ ...copy, accountId, roles: copy.roles.map((role) => ({ ...role, externalId })) });
  }
  const file = join(tmpdir(), `gatehouse-pool-${process.pid}-${hubs}.json`);
  writeFileSync(file, JSON.stringify(landscape));
  return file;
}
