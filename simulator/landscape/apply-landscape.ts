import { readFileSync } from "node:fs";
import { arn, partitionOf } from "../core/partition";
import type { World } from "../core/world";
import { landscapeSchema, type Landscape } from "./landscape-schema";

export function readLandscape(file: string): Landscape {
  const parsed = landscapeSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`Invalid landscape ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Creates the landscape's accounts, the portal identity and the cross-account roles in an empty world. */
export function applyLandscape(world: World, landscape: Landscape): void {
  const { portal } = landscape;
  const portalRegion = landscape.accounts[0]?.region ?? "us-east-1";
  const partition = partitionOf(portalRegion);
  world.data.accessKeys[portal.accessKeyId] = {
    accessKeyId: portal.accessKeyId,
    secretAccessKey: portal.secretAccessKey,
    accountId: portal.accountId,
    arn: `arn:${partition}:sts::${portal.accountId}:assumed-role/${portal.roleName}/gatehouse`,
    allowedActions: ["sts:AssumeRole"],
  };
  for (const account of landscape.accounts) {
    world.data.accounts[account.accountId] = {
      accountId: account.accountId,
      alias: account.alias,
      partition: partitionOf(account.region),
      availabilityZones: { [account.region]: account.availabilityZones },
    };
    for (const role of account.roles) {
      const roleArn = arn(account.region, "iam", account.accountId, `role/${role.name}`, "");
      world.data.roles[roleArn] = { ...role, arn: roleArn, accountId: account.accountId };
    }
  }
  world.changed();
}
