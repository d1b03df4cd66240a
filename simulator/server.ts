import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch } from "./core/dispatch";
import { parseSigV4 } from "./core/identity";
import type { PolicyDocument } from "./core/policy-evaluation";
import { createPersister, loadWorldData } from "./core/persistence";
import { loadProfile, type ProfileName } from "./core/profiles";
import { createRandom } from "./core/random";
import type { Service, SimulatorOptions, SimulatorRuntime } from "./core/service";
import { ThrottleBuckets } from "./core/throttle";
import { emptyWorld, World } from "./core/world";
import { startBackends } from "./dataplane/backend-servers";
import { answerExecuteApi, executeApiTarget } from "./dataplane/execute-api-endpoint";
import { applyLandscape, readLandscape } from "./landscape/apply-landscape";
import { builtInLandscapes, landscapeFileFor } from "./landscape/built-in-landscapes";
import type { WireResponse } from "./protocols/query-responses";
import { services } from "./services/registry";
import { applyQuota, removeAppliedQuota } from "./services/servicequotas/quota-catalogue";

export const defaultLandscapeFile = builtInLandscapes.demo;

export type StartSimulatorOptions = {
  port?: number;
  host?: string;
  profile?: ProfileName;
  /** Runs the clock this many times faster (benchmarks); latencies shrink and throttle rates grow alike. */
  timeScale?: number;
  /** Where state persists between runs; in memory only when unset. */
  stateFile?: string;
  /** A built-in landscape by name (`demo`, `china`) or a landscape file; `demo` when unset. */
  landscapeFile?: string;
  seed?: number;
  consistencyDelayMs?: number;
  faultRate?: number;
  /** Control-plane throttles; on by default in the demo and realistic profiles. */
  throttles?: boolean;
  /** TestInvokeMethod looks its method up exactly (SimulatorOptions.exactMethodLookups); off by default. */
  exactMethodLookups?: boolean;
  log?: (line: string) => void;
};

export type RunningSimulator = {
  url: string;
  close(): Promise<void>;
  portalCredentials: { accessKeyId: string; secretAccessKey: string };
  runtime: SimulatorRuntime;
};

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const landscape = readLandscape(landscapeFileFor(options.landscapeFile ?? "demo"));
  const profile = loadProfile(options.profile ?? "demo", options.timeScale ?? 1);
  const simOptions: SimulatorOptions = {
    consistencyDelayMs: options.consistencyDelayMs ?? 0,
    faultRate: options.faultRate ?? 0,
    throttles: options.throttles ?? profile.throttlesEnabled,
    exactMethodLookups: options.exactMethodLookups ?? false,
  };
  const stored = options.stateFile ? loadWorldData(options.stateFile) : undefined;
  const data = stored ?? emptyWorld();
  const persister = options.stateFile ? createPersister(options.stateFile, () => data) : undefined;
  const world = new World(data, () => persister?.markDirty());
  const runtime: SimulatorRuntime = {
    world,
    profile,
    random: createRandom(options.seed ?? 1),
    options: simOptions,
    throttles: new ThrottleBuckets(),
    now: () => Date.now(),
    log: options.log ?? (() => undefined),
    backendPorts: new Map(),
  };
  if (!stored) applyLandscape(runtime, landscape);

  const backends = await startBackends(runtime);
  const server = createServer((request, response) => {
    void handle(runtime, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    portalCredentials: { accessKeyId: landscape.portal.accessKeyId, secretAccessKey: landscape.portal.secretAccessKey },
    runtime,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backends.stop();
      persister?.flush();
    },
  };
}

async function handle(runtime: SimulatorRuntime, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const url = new URL(request.url ?? "/", "http://simulator");
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]),
  );
  const reply = (wire: WireResponse) => {
    response.writeHead(wire.status, wire.headers);
    response.end(wire.body);
  };
  try {
    if (url.pathname.startsWith("/_sim/"))
      return reply(answerControl(runtime, request.method ?? "GET", url.pathname, body));
    // A call to a private API: unsigned, or signed for execute-api (an AWS_IAM method); other signed calls are the
    // control plane's.
    const invokesApi = !headers.authorization || parseSigV4(headers.authorization)?.service === "execute-api";
    const executeApi = invokesApi ? executeApiTarget(headers) : undefined;
    if (executeApi)
      return reply(
        await answerExecuteApi(runtime, executeApi, {
          method: request.method ?? "GET",
          path: `${url.pathname}${url.search}`,
          headers,
          body,
        }),
      );
    const scope = parseSigV4(headers.authorization);
    const service = scope && findService(scope.service, url.pathname);
    if (!scope || !service) {
      return reply({
        status: 403,
        headers: { "content-type": "application/json", "x-amzn-errortype": "MissingAuthenticationTokenException" },
        body: JSON.stringify({ message: "Missing Authentication Token" }),
      });
    }
    reply(
      await dispatch(runtime, service, {
        method: request.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers,
        body,
        accessKeyId: scope.accessKeyId,
        region: scope.region,
      }),
    );
  } catch (error) {
    runtime.log(`simulator failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    reply({ status: 500, headers: { "content-type": "text/plain" }, body: "simulator failure" });
  }
}

function findService(signingName: string, path: string): Service | undefined {
  const candidates = services.filter((service) => service.signingName === signingName);
  return candidates
    .filter((service) => service.protocol !== "restJson" || path.startsWith(service.pathPrefix))
    .sort((a, b) => prefixLength(b) - prefixLength(a))[0];
}

function prefixLength(service: Service): number {
  return service.protocol === "restJson" ? service.pathPrefix.length : 0;
}

/**
 * Debugging and test controls: the state per account, and the runtime options (faults, consistency, throttles,
 * exact method look-ups).
 */
function answerControl(runtime: SimulatorRuntime, method: string, path: string, body: string): WireResponse {
  const json = (status: number, value: unknown): WireResponse => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(value, null, 2),
  });
  if (method === "GET" && path === "/_sim/state") return json(200, stateByAccount(runtime));
  if (method === "GET" && path === "/_sim/options") return json(200, runtime.options);
  if (method === "POST" && path === "/_sim/options") {
    const changes = JSON.parse(body || "{}") as Partial<SimulatorOptions>;
    Object.assign(runtime.options, pickOptions(changes));
    return json(200, runtime.options);
  }
  if (method === "PUT" && path === "/_sim/quotas") {
    const applied = applyQuota(runtime.world, JSON.parse(body || "{}") as Parameters<typeof applyQuota>[1]);
    return applied
      ? json(200, applied)
      : json(400, { message: "accountId, region, a known serviceCode and quotaCode, and a value ≥ 0 are required" });
  }
  if (method === "DELETE" && path === "/_sim/quotas") {
    const input = JSON.parse(body || "{}") as Parameters<typeof removeAppliedQuota>[1];
    return removeAppliedQuota(runtime.world, input)
      ? json(200, { removed: true })
      : json(400, { message: "accountId, region and a known serviceCode and quotaCode are required" });
  }
  if (method === "PUT" && path === "/_sim/roles") {
    const role = putRole(runtime, JSON.parse(body || "{}") as RoleStack);
    return role
      ? json(200, role)
      : json(400, { message: "roleArn must be arn:<partition>:iam::<12 digits>:role/<name>" });
  }
  return json(404, { message: `unknown control ${method} ${path}` });
}

type RoleStack = { roleArn?: string; externalId?: string; trustedPrincipals?: string[]; policies?: PolicyDocument[] };

/**
 * What deploying a Gatehouse role stack does in a real account: creates or replaces the role with its trust
 * (principals, ExternalId) and its permission policy documents. For demos and end-to-end tests; sessions already issued keep
 * the permissions they were issued with, as in IAM until they expire.
 */
function putRole(runtime: SimulatorRuntime, stack: RoleStack) {
  const match = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]{1,64})$/.exec(stack.roleArn ?? "");
  if (!match?.[1] || !match[2] || !stack.roleArn) return undefined;
  const existing = runtime.world.data.roles[stack.roleArn];
  const role = {
    arn: stack.roleArn,
    accountId: match[1],
    name: match[2],
    trustedPrincipals: stack.trustedPrincipals ?? existing?.trustedPrincipals ?? [],
    externalId: stack.externalId ?? existing?.externalId,
    policies: stack.policies ?? existing?.policies ?? [],
    maxSessionSeconds: existing?.maxSessionSeconds ?? 3600,
  };
  runtime.world.data.roles[stack.roleArn] = role;
  runtime.world.changed();
  return role;
}

function pickOptions(changes: Partial<SimulatorOptions>): Partial<SimulatorOptions> {
  const picked: Partial<SimulatorOptions> = {};
  if (typeof changes.faultRate === "number") picked.faultRate = Math.min(1, Math.max(0, changes.faultRate));
  if (typeof changes.consistencyDelayMs === "number")
    picked.consistencyDelayMs = Math.max(0, changes.consistencyDelayMs);
  if (typeof changes.throttles === "boolean") picked.throttles = changes.throttles;
  if (typeof changes.exactMethodLookups === "boolean") picked.exactMethodLookups = changes.exactMethodLookups;
  return picked;
}

function stateByAccount(runtime: SimulatorRuntime) {
  const { data } = runtime.world;
  const accounts: Record<string, { alias: string; resources: Record<string, unknown[]> }> = {};
  for (const account of Object.values(data.accounts))
    accounts[account.accountId] = { alias: account.alias, resources: {} };
  for (const [kind, items] of Object.entries(data.collections)) {
    for (const item of Object.values(items)) {
      const bucket = accounts[item.accountId];
      if (bucket) (bucket.resources[kind] ??= []).push(item);
    }
  }
  return { profile: runtime.profile.name, options: runtime.options, accounts };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
