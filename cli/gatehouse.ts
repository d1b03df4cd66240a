#!/usr/bin/env -S npx tsx --conditions=react-server
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { decideRequest } from "@/lib/approvals/decide-request";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkChain } from "@/lib/provisioning/verify/chain-checks";
import { changeConsumerEndpoints, getConsumerEndpoints, type ConsumerEndpointChange } from "@/lib/provisioning/consumers/consumer-endpoints";
import { reconcileConsumerEndpoints } from "@/lib/provisioning/consumers/reconcile-consumer-endpoints";
import { processDependencies } from "@/lib/provisioning/engine/run-jobs";
import { advanceToEnd } from "@/lib/provisioning/engine/run-to-end";
import { getRequestDetails } from "@/lib/requests/request-details";
import { requestDecommission } from "@/lib/requests/request-lifecycle";
import { requestInputSchema } from "@/lib/requests/request-schemas";
import { previewRequest, submitRequest } from "@/lib/requests/submit-request";
import { findActiveUser } from "@/lib/users/sign-in";

// `npx gatehouse <command>`: the portal's own domain code on the same database, for admins and automation. Every
// action is taken as a named user and goes through the same checks and audit log as the browser; provisioning and
// teardown are approved by a second, named admin (four-eyes) and then run in this process until they end.

const usage = `usage:
  gatehouse plan      --file request.(json|yaml) --as <requester email>
  gatehouse provision --file request.(json|yaml) --as <requester email> --approver <admin email>
  gatehouse status    <request id> --as <email>
  gatehouse verify    <request id> --as <admin email>
  gatehouse teardown  <request id> --as <requester email> --approver <admin email>
  gatehouse consumers <request id> --as <admin email> [--add vpce-…]… [--remove vpce-…]… [--set vpce-…,vpce-…] [--apply]
environment: DATABASE_URL (and AWS credentials / AWS_ENDPOINT_URL as for the worker)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: "string" },
    as: { type: "string" },
    approver: { type: "string" },
    timeout: { type: "string", default: "3600" },
    add: { type: "string", multiple: true, default: [] },
    remove: { type: "string", multiple: true, default: [] },
    set: { type: "string" },
    apply: { type: "boolean", default: false },
  },
});
const [command, requestId] = positionals;
const dependencies = processDependencies();
const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));

async function userByEmail(email: string | undefined, flag: string): Promise<CurrentUser> {
  if (!email) throw new AppError("VALIDATION_FAILED", `--${flag} <email> is required.`);
  const found = await db().user.findUnique({ where: { email } });
  const user = found && (await findActiveUser(db(), found.id));
  if (!user) throw new AppError("NOT_FOUND", `No active user ${email}.`);
  return user;
}

function requestFile(path: string | undefined) {
  if (!path) throw new AppError("VALIDATION_FAILED", "--file <request.json|yaml> is required.");
  const text = readFileSync(path, "utf8");
  const parsed = requestInputSchema.safeParse(/\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text));
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  return parsed.data;
}

async function runLatest(id: string): Promise<string> {
  const run = await db().provisioningRun.findFirst({ where: { requestId: id }, orderBy: { createdAt: "desc" } });
  if (!run) throw new AppError("CONFLICT", `Request ${id} has no run.`);
  const result = await advanceToEnd(dependencies, run.id, { maxMs: Number(values.timeout) * 1000, onWait: () => process.stderr.write(".") });
  process.stderr.write("\n");
  return `${run.kind} run ${run.id}: ${result.status}`;
}

/** The change the consumers flags ask for, if any: --set replaces the list ("" empties it), --add/--remove edit it. */
function consumerChange(): ConsumerEndpointChange | undefined {
  if (values.set !== undefined) return { set: values.set.split(",").filter((id) => id.trim() !== "") };
  if (values.add.length > 0 || values.remove.length > 0) return { add: values.add, remove: values.remove };
  return undefined;
}

const commands: Record<string, () => Promise<void>> = {
  async plan() {
    print(await previewRequest(dependencies, await userByEmail(values.as, "as"), requestFile(values.file)));
  },
  async provision() {
    const input = requestFile(values.file);
    const requester = await userByEmail(values.as, "as");
    const approver = await userByEmail(values.approver, "approver");
    const { id } = await submitRequest(dependencies, requester, input);
    console.log(`submitted ${id}`);
    await decideRequest({ db: db(), queueRunAdvance: async () => undefined }, approver, id, { kind: "exposure", decision: "approved" });
    console.log(`approved by ${approver.email}; provisioning`);
    console.log(await runLatest(id));
    print((await getRequestDetails(db(), requester, id)).status);
  },
  async status() {
    print(await getRequestDetails(db(), await userByEmail(values.as, "as"), requestId ?? ""));
  },
  async verify() {
    const admin = await userByEmail(values.as, "as");
    print(await checkChain(db(), dependencies.clients, requestId ?? "", { id: admin.id, label: admin.email }));
  },
  async teardown() {
    const requester = await userByEmail(values.as, "as");
    const approver = await userByEmail(values.approver, "approver");
    const request = await db().exposureRequest.findUnique({ where: { id: requestId ?? "" } });
    // Asked before (an earlier call whose approval was refused): decide the pending decommission.
    if (request?.status !== "decommission_pending") await requestDecommission(db(), requester, requestId ?? "");
    await decideRequest({ db: db(), queueRunAdvance: async () => undefined }, approver, requestId ?? "", { kind: "decommission", decision: "approved" });
    console.log(await runLatest(requestId ?? ""));
  },
  async consumers() {
    const admin = await userByEmail(values.as, "as");
    const change = consumerChange();
    if (change) await changeConsumerEndpoints(db(), admin, requestId ?? "", change);
    // Applied here and now, as provision runs here: the same reconcile the worker's job runs, so no worker is needed.
    const reconcile = change || values.apply ? await reconcileConsumerEndpoints(dependencies, requestId ?? "") : undefined;
    print({ ...(await getConsumerEndpoints(db(), admin, requestId ?? "")), ...(reconcile ? { reconcile } : {}) });
    if (reconcile?.status === "failed") process.exitCode = 1;
  },
};

const run = command ? commands[command] : undefined;
if (!run) {
  console.error(usage);
  process.exit(2);
}
try {
  await run();
  await db().$disconnect();
} catch (error) {
  console.error(error instanceof Error ? `${error.name === "AppError" ? "" : `${error.name}: `}${error.message}` : String(error));
  process.exit(1);
}
