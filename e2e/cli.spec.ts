import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ensureRequestWorld, seedRolledBackRequest, simulatorUrl, withWorldDatabase } from "./fixtures/request-world";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { findActiveUser } from "@/lib/users/sign-in";
import { taggedResourcesAt } from "@/simulator/testing/tagged-resources";

// The command line as the README documents it, from a fresh clone of the repository: the README's own blocks are
// run by bash, unchanged, in the clone, against the launcher's portal. The requester's token submits and asks for the
// teardown, a second admin's token approves both; the launcher's worker provisions against the simulator. The clone
// has no DATABASE_URL or AWS settings, and npm's registry is unreachable, so `npx gatehouse` can only be the clone's
// own bin talking to /api/v1.

const run = promisify(execFile);
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");

/** The README's fenced blocks that name this spec, in README order. */
function readmeBlocks(): { marker: string; language: string; text: string }[] {
  return [...readme.matchAll(/<!-- e2e\/cli\.spec\.ts ([^>]*) -->\n```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
    marker: match[1] ?? "",
    language: match[2] ?? "",
    text: match[3] ?? "",
  }));
}

function readmeBlock(command: string): string {
  const blocks = readmeBlocks().filter((block) => block.language === "sh" && block.text.includes(command));
  expect(blocks, `one README block marked for e2e/cli.spec.ts with ${command}`).toHaveLength(1);
  return blocks[0]!.text;
}

let clone: string;
type Environment = Record<string, string | undefined>;
let environment: Environment;

async function shell(script: string, extra: Environment = {}) {
  try {
    const { stdout, stderr } = await run("bash", ["-euo", "pipefail", "-c", script], {
      cwd: clone,
      env: { ...environment, ...extra } as NodeJS.ProcessEnv,
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

async function tokenFor(email: string, scopes: TokenScope[]): Promise<string> {
  return withWorldDatabase(async (db) => {
    const user = await findActiveUser(db, (await db.user.findUniqueOrThrow({ where: { email } })).id);
    const { secret } = await createApiToken(db, user!, {
      name: `cli ${email.split("@")[0]} ${Date.now().toString(36)}`,
      scopes,
      expiresInDays: 1,
    });
    return secret;
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await ensureRequestWorld();
  const home = mkdtempSync(join(tmpdir(), "gatehouse-cli-"));
  clone = join(home, "gatehouse");
  await run("git", ["clone", "--quiet", process.cwd(), clone]);
  symlinkSync(join(process.cwd(), "node_modules"), join(clone, "node_modules"));
  environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DATABASE_URL|AWS_|GATEHOUSE_|AUTH_)/.test(name)),
  );
  Object.assign(environment, {
    GATEHOUSE_URL: baseURL,
    GATEHOUSE_TOKEN: await tokenFor("paul.payments@gatehouse.demo", ["requests:read", "requests:write", "runs:read"]),
    ADMIN_TOKEN: await tokenFor("ada.admin@gatehouse.demo", ["requests:read", "requests:write", "approvals:write"]),
    SECOND_ADMIN_TOKEN: await tokenFor("grace.admin@gatehouse.demo", ["requests:read", "approvals:write"]),
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_cache: join(home, "npm-cache"),
    npm_config_update_notifier: "false",
  });
});

test.afterAll(() => {
  if (clone) rmSync(join(clone, ".."), { recursive: true, force: true });
});

test("npx gatehouse --help runs the clone's own CLI, and whoami names the token's owner and their team ids", async () => {
  const teamId = await withWorldDatabase(
    async (db) => (await db.team.findUniqueOrThrow({ where: { slug: "payments" } })).id,
  );
  const help = await shell(readmeBlock("--help"));
  expect(help.code, help.stderr).toBe(0);
  expect(help.stdout).toContain("usage: npx gatehouse <command>");
  expect(help.stdout).toContain("GATEHOUSE_TOKEN");
  expect(help.stderr).toContain(`You act as paul.payments@gatehouse.demo: requester in Payments (teamId ${teamId}).`);
  expect(help.stdout).toContain(`"teamId": "${teamId}"`);
});

test("without its variables, with a bad token, as someone else or with a bad file the CLI says why and exits non-zero", async () => {
  writeFileSync(join(clone, "bad.yaml"), "scenario: remote_network\nport: 70000\napiName: <script>\n");
  const unset = await shell("npx gatehouse status some-id", { GATEHOUSE_URL: "", GATEHOUSE_TOKEN: "" });
  expect(unset.code).toBe(2);
  expect(unset.stderr).toContain("GATEHOUSE_URL is not set");
  expect(unset.stderr).toContain("GATEHOUSE_TOKEN is not set");

  const revoked = await shell("npx gatehouse status some-id", { GATEHOUSE_TOKEN: `gh_pat_${"x".repeat(43)}` });
  expect(revoked.code).toBe(1);
  expect(revoked.stderr).toMatch(/^401: /m);

  const impersonation = await shell("npx gatehouse approve some-id --as ada.admin@gatehouse.demo");
  expect(impersonation.code).toBe(2);
  expect(impersonation.stderr).toContain("There is no --as or --approver");

  const invalid = await shell("npx gatehouse plan --file bad.yaml");
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toMatch(/^422: /m);
  expect(invalid.stderr).toMatch(/^ {2}port: A port is between 1 and 65535\.$/m);
  expect(invalid.stderr).toMatch(/^ {2}apiName: /m);
  expect(invalid.stderr).toMatch(/^ {2}teamId: /m);
});

test("plan → provision → approve (second admin) → status → verify → consumers (four-eyes) → teardown → approve → status, as the README types them", async () => {
  test.setTimeout(420_000);
  const teamId = await withWorldDatabase(
    async (db) => (await db.team.findUniqueOrThrow({ where: { slug: "payments" } })).id,
  );
  const file = readmeBlocks().find((block) => block.language === "yaml")?.text ?? "";
  expect(file).toMatch(/^teamId: /m);
  writeFileSync(join(clone, "request.yaml"), file.replace(/^teamId: .*$/m, `teamId: ${teamId}`));

  const provisioned = await shell(readmeBlock("provision"));
  expect(provisioned.code, provisioned.stderr).toBe(0);
  const request = await withWorldDatabase((db) =>
    db.exposureRequest.findFirstOrThrow({ where: { apiName: "ledger-cli" }, include: { requester: true } }),
  );
  expect(request).toMatchObject({ status: "active", requester: { email: "paul.payments@gatehouse.demo" } });
  expect(provisioned.stdout).toContain(request.id);
  expect(provisioned.stderr).toContain("No blocker");
  expect(provisioned.stderr).toMatch(/provision .*: succeeded/);
  expect(provisioned.stdout).toMatch(/"status": "active"/);
  expect(provisioned.stdout).toMatch(/"healthy": true/);
  const id = { id: request.id };
  expect(await taggedResourcesAt(simulatorUrl, "gatehouse:request-id", request.id)).not.toEqual([]);

  // The requester's token cannot approve: four-eyes needs a platform admin's own token.
  const selfApproval = await shell(`npx gatehouse approve "$id"`, id);
  expect(selfApproval.code).toBe(1);
  expect(selfApproval.stderr).toMatch(/^403: /m);

  // An endpoint no registered account owns waits for a second admin; its proposer cannot approve it.
  const proposed = await shell(readmeBlock("--add"), id);
  expect(proposed.code, proposed.stderr).toBe(0);
  expect(proposed.stderr).toContain(
    "Pending approval: ada.admin@gatehouse.demo proposed the list vpce-0a1b2c3d4e5f60718; no registered account owns vpce-0a1b2c3d4e5f60718",
  );
  expect(proposed.stderr).toContain(`npx gatehouse consumers ${request.id} --approve (or --reject)`);
  expect(JSON.parse(proposed.stdout)).toMatchObject({
    vpcEndpointIds: [],
    pendingChange: { vpcEndpointIds: ["vpce-0a1b2c3d4e5f60718"] },
  });
  const ownApproval = await shell(`GATEHOUSE_TOKEN=$ADMIN_TOKEN npx gatehouse consumers "$id" --approve`, id);
  expect(ownApproval.code).toBe(1);
  expect(ownApproval.stderr).toMatch(/^403: You proposed this change; another platform admin must approve it\.$/m);

  const approved = await shell(readmeBlock("--approve"), id);
  expect(approved.code, approved.stderr).toBe(0);
  expect(approved.stderr).toContain("The change proposed by ada.admin@gatehouse.demo is approved.");
  expect(approved.stderr).not.toContain("Pending approval");
  // The worker applies it; the list shows as live once the stage serves it.
  await expect
    .poll(async () => (await shell(`GATEHOUSE_TOKEN=$ADMIN_TOKEN npx gatehouse consumers "$id"`, id)).stderr, {
      timeout: 120_000,
      intervals: [3_000],
    })
    .toMatch(/^Live: revision \d+ is applied\. Consumer endpoints: vpce-0a1b2c3d4e5f60718\.$/m);

  const removed = await shell(readmeBlock("--remove"), id);
  expect(removed.code, removed.stderr).toBe(0);
  expect(JSON.parse(removed.stdout.slice(removed.stdout.lastIndexOf("\n{") + 1))).toMatchObject({
    vpcEndpointIds: [],
    pendingChange: null,
  });

  const tornDown = await shell(readmeBlock("teardown"), id);
  expect(tornDown.code, tornDown.stderr).toBe(0);
  expect(tornDown.stderr).toMatch(/decommission .*: succeeded/);
  expect(tornDown.stdout).toMatch(/"status": "decommissioned"/);
  expect(await taggedResourcesAt(simulatorUrl, "gatehouse:request-id", request.id)).toEqual([]);

  // Every step is the token owner's own, audited as their token.
  const { events, paul, ada, grace } = await withWorldDatabase(async (db) => ({
    events: await db.auditEvent.findMany({ where: { targetId: request.id }, orderBy: { at: "asc" } }),
    paul: await db.user.findUniqueOrThrow({ where: { email: "paul.payments@gatehouse.demo" } }),
    ada: await db.user.findUniqueOrThrow({ where: { email: "ada.admin@gatehouse.demo" } }),
    grace: await db.user.findUniqueOrThrow({ where: { email: "grace.admin@gatehouse.demo" } }),
  }));
  const actorOf = (action: string) => {
    const event = events.find((candidate) => candidate.action === action);
    return event && { actorId: event.actorId, actorLabel: event.actorLabel };
  };
  const paulsToken = { actorId: paul.id, actorLabel: expect.stringMatching(/^token:cli paul\.payments /) };
  const adasToken = { actorId: ada.id, actorLabel: expect.stringMatching(/^token:cli ada\.admin /) };
  expect(actorOf("request.submitted")).toEqual(paulsToken);
  expect(actorOf("request.approved")).toEqual(adasToken);
  expect(actorOf("chain.verified")).toEqual(adasToken);
  expect(actorOf("consumer_endpoints.proposed")).toEqual(adasToken);
  expect(actorOf("consumer_endpoints.approved")).toEqual({
    actorId: grace.id,
    actorLabel: expect.stringMatching(/^token:cli grace\.admin /),
  });
  expect(actorOf("request.decommission_requested")).toEqual(paulsToken);
  expect(actorOf("request.decommission_approved")).toEqual(adasToken);
});

test("a request rolled back after a failed run is run again to active, or withdrawn, as the README types it", async () => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const [rerunId, withdrawId] = await withWorldDatabase(async (db) => [
    await seedRolledBackRequest(db, `ledger-cli-rerun-${suffix}`),
    await seedRolledBackRequest(db, `ledger-cli-withdraw-${suffix}`),
  ]);
  const status = await shell(`npx gatehouse status "$id"`, { id: rerunId });
  expect(status.code, status.stderr).toBe(0);
  expect(status.stderr).toContain(`The failed run was rolled back. Run it again (npx gatehouse rerun ${rerunId})`);

  const rerun = await shell(readmeBlock("rerun"), { id: rerunId });
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(rerun.stderr).toContain(`${rerunId} runs again.`);
  expect(rerun.stderr).toMatch(/provision .*: succeeded/);
  expect(rerun.stdout).toMatch(/"status": "active"/);
  expect(await taggedResourcesAt(simulatorUrl, "gatehouse:request-id", rerunId)).not.toEqual([]);
  // Active now: running it again is refused, and so is a withdrawal.
  expect((await shell(`npx gatehouse rerun "$id"`, { id: rerunId })).stderr).toMatch(/^409: /m);

  const withdrawn = await shell(readmeBlock("withdraw"), { id: withdrawId });
  expect(withdrawn.code, withdrawn.stderr).toBe(0);
  expect(withdrawn.stdout).toMatch(/"status": "withdrawn"/);

  const actions = await withWorldDatabase((db) =>
    db.auditEvent.findMany({
      where: { targetId: { in: [rerunId, withdrawId] }, action: { in: ["request.rerun", "request.withdrawn"] } },
    }),
  );
  expect(actions.map((event) => [event.targetId, event.action, event.actorLabel])).toEqual(
    expect.arrayContaining([
      [rerunId, "request.rerun", expect.stringMatching(/^token:cli paul\.payments /)],
      [withdrawId, "request.withdrawn", expect.stringMatching(/^token:cli paul\.payments /)],
    ]),
  );
});
