import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SecurityGroup, Subnet } from "../model/network";
import type { RunningSimulator } from "../server";
import { restApis, vpcLinksV1, vpcLinksV2 } from "../services/apigateway/apigateway-records";
import { endpointServices, vpcEndpoints } from "../services/ec2/privatelink-records";
import { listeners, loadBalancers, targetGroups } from "../services/elbv2/elbv2-records";
import { demoRoles } from "../testing/demo-roles";
import { buildCheckoutChain, startDemoLandscape, type CheckoutChain } from "../testing/demo-landscape";
import type { Hub } from "../testing/link-chain";
import { invokeChain, type InvokeRequest } from "./invoke-chain";

// The hop walk, one broken hop at a time: a working scenario-A chain (V1 and V2 links) is built through the SDK,
// then a single stored record is spoiled, the chain invoked directly, and the record restored.

let sim: RunningSimulator;
let hub: Hub;
let chain: CheckoutChain;

beforeAll(async () => {
  const landscape = await startDemoLandscape();
  ({ sim, hub } = landscape);
  chain = await buildCheckoutChain(landscape, "gh-hops");
});

afterAll(async () => {
  await sim.close();
});

function call(overrides: Partial<InvokeRequest> = {}) {
  return invokeChain(sim.runtime, {
    accountId: demoRoles.platform.accountId,
    region: "eu-west-1",
    restApiId: chain.apiV1,
    stageName: "prod",
    httpMethod: "GET",
    path: "/orders",
    headers: {},
    sourceVpceId: hub.executeApiEndpointId,
    ...overrides,
  });
}

/** Replaces one field of a stored record; returns how to put it back. */
function swap<T extends object, K extends keyof T>(
  record: T | undefined,
  key: K,
  value: (current: T[K]) => T[K],
): () => void {
  if (!record) throw new Error("the record to spoil does not exist");
  const before = record[key];
  record[key] = value(before);
  return () => {
    record[key] = before;
  };
}

/** Spoils a record by adding a step to its lifecycle; restoring removes the step again. */
function appendLifecycleStep<T extends { lifecycle: unknown[] }>(record: T | undefined, step: T["lifecycle"][number]) {
  return swap(record, "lifecycle", (steps) => [...steps, step] as T["lifecycle"]);
}

const world = () => sim.runtime.world;
const now = () => Date.now();

type Spoil = {
  hop: string;
  status: number;
  reason: RegExp;
  spoil: () => () => void;
  request?: Partial<InvokeRequest>;
  link?: "v1" | "v2";
};

const spoils: Record<string, Spoil> = {
  "a V1 link still PENDING": {
    hop: "vpcLink.awaitAvailable",
    status: 500,
    reason: /is PENDING/,
    spoil: () =>
      appendLifecycleStep(vpcLinksV1(world()).get(chain.linkV1), { status: "PENDING", statusMessage: "", at: now() }),
  },
  "a V1 link that FAILED": {
    hop: "vpcLink.create",
    status: 500,
    reason: /is FAILED: NLB is not in active state/,
    spoil: () =>
      appendLifecycleStep(vpcLinksV1(world()).get(chain.linkV1), {
        status: "FAILED",
        statusMessage: "NLB is not in active state",
        at: now(),
      }),
  },
  "a V2 link whose subnets are in another VPC than the load balancer": {
    hop: "vpcLink.create",
    status: 500,
    reason: /has no subnet in vpc-/,
    link: "v2",
    spoil: () => {
      const foreign = world()
        .collection<Subnet>("ec2.subnet")
        .all()
        .find((subnet) => subnet.accountId === demoRoles.application.accountId);
      return swap(vpcLinksV2(world()).get(chain.linkV2), "subnetIds", () => [foreign?.id ?? ""]);
    },
  },
  "a platform NLB still provisioning": {
    hop: "loadBalancer.awaitActive",
    status: 500,
    reason: /is provisioning/,
    spoil: () =>
      appendLifecycleStep(loadBalancers(world()).get(chain.platformNlb), { state: "provisioning", at: now() }),
  },
  "no listener on the integration uri's port": {
    hop: "listener.create",
    status: 500,
    reason: /has no listener on port 80/,
    spoil: () =>
      swap(
        listeners(world())
          .all()
          .find((listener) => listener.loadBalancerArn === chain.platformNlb),
        "port",
        () => 8443,
      ),
  },
  "targets still in their initial health checks": {
    hop: "targets.register",
    status: 500,
    reason: /still in their initial health checks/,
    spoil: () =>
      swap(targetGroups(world()).get(chain.targetGroup), "targets", (targets) =>
        targets.map((target) => ({ ...target, healthyAt: now() + 60_000 })),
      ),
  },
  "client IP preservation on a target group of PrivateLink ENIs": {
    hop: "targetGroup.create",
    status: 500,
    reason: /client IP preservation is on/,
    spoil: () =>
      swap(targetGroups(world()).get(chain.targetGroup), "attributes", (attributes) => ({
        ...attributes,
        "preserve_client_ip.enabled": "true",
      })),
  },
  "an endpoint security group that does not admit the listener port": {
    hop: "interfaceEndpoint.create",
    status: 500,
    reason: /do not allow TCP 80 from the load balancer/,
    spoil: () =>
      swap(world().collection<SecurityGroup>("ec2.securityGroup").get(hub.securityGroupId), "ingress", () => [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrs: ["10.0.0.0/8"] },
      ]),
  },
  "an endpoint accepted but still pending": {
    hop: "interfaceEndpoint.awaitAvailable",
    status: 500,
    reason: /is pending$/,
    spoil: () => appendLifecycleStep(vpcEndpoints(world()).get(chain.endpointId), { state: "pending", at: now() }),
  },
  "an endpoint connection the provider rejected": {
    hop: "interfaceEndpoint.accept",
    status: 500,
    reason: /is rejected/,
    spoil: () => appendLifecycleStep(vpcEndpoints(world()).get(chain.endpointId), { state: "rejected", at: now() }),
  },
  "an endpoint service being deleted": {
    hop: "endpointService.create",
    status: 500,
    reason: /is Deleting/,
    spoil: () => appendLifecycleStep(endpointServices(world()).get(chain.serviceId), { state: "Deleting", at: now() }),
  },
  "an application NLB without a listener on the endpoint's port": {
    hop: "endpointService.create",
    status: 500,
    reason: /k8s-payments-checkout-5f2a9c1e7b has no listener on port 80/,
    spoil: () =>
      swap(
        listeners(world())
          .all()
          .find((listener) => listener.loadBalancerArn === chain.applicationNlb),
        "port",
        () => 81,
      ),
  },
  "a backend whose server is down": {
    hop: "backend",
    status: 500,
    reason: /backend checkout-api is not running/,
    spoil: () => {
      const port = sim.runtime.backendPorts.get("backend-checkout-api") ?? 0;
      sim.runtime.backendPorts.delete("backend-checkout-api");
      return () => sim.runtime.backendPorts.set("backend-checkout-api", port);
    },
  },
  "a public API called through the VPC endpoint": {
    hop: "restApi.create",
    status: 403,
    reason: /is not a private API/,
    spoil: () =>
      swap(restApis(world()).get(chain.apiV1), "endpointConfiguration", (configuration) => ({
        ...configuration,
        types: ["REGIONAL" as const],
      })),
  },
  "a call that does not come through an execute-api endpoint": {
    hop: "executeApiEndpoint",
    status: 403,
    reason: /not an available execute-api endpoint/,
    request: { sourceVpceId: undefined },
    spoil: () => () => undefined,
  },
};

describe("invokeChain", () => {
  it("reaches the backend over both link kinds when every hop is intact", async () => {
    for (const restApiId of [chain.apiV1, chain.apiV2]) {
      const result = await call({ restApiId });
      expect(result).toMatchObject({ status: 200, brokenHop: undefined });
      expect(JSON.parse(result.body)).toMatchObject({ service: "checkout-api", path: "/orders" });
    }
  });

  it.each(Object.entries(spoils))(
    "blames the right hop for %s",
    async (_, { hop, status, reason, spoil, request, link }) => {
      const restore = spoil();
      try {
        const result = await call({ ...request, restApiId: link === "v2" ? chain.apiV2 : chain.apiV1 });
        expect(result).toMatchObject({ status, brokenHop: hop });
        expect(result.log.find((line) => line.includes(`hop ${hop}:`))).toMatch(reason);
      } finally {
        restore();
      }
      expect((await call()).status).toBe(200);
    },
  );

  it("test-invokes the live API without the resource policy, while the stage serves its deployment", async () => {
    const api = restApis(world()).get(chain.apiV1);
    const liveCall = () => call({ useLiveApi: true, stageName: undefined, sourceVpceId: undefined });
    const restorePolicy = swap(api?.deployments.at(-1)?.snapshot, "policy", () => undefined);
    try {
      expect(await call()).toMatchObject({ status: 403, brokenHop: "restApi.create" });
      expect((await liveCall()).status).toBe(200);
    } finally {
      restorePolicy();
    }
    const restoreResources = swap(api, "resources", () => []);
    try {
      expect((await call()).status).toBe(200);
      expect(await liveCall()).toMatchObject({
        status: 403,
        brokenHop: "restApi.routes",
        body: '{"message":"Missing Authentication Token"}',
      });
    } finally {
      restoreResources();
    }
  });
});
