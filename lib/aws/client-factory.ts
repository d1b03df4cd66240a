import "server-only";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ServiceQuotasClient } from "@aws-sdk/client-service-quotas";
import { STSClient } from "@aws-sdk/client-sts";
import type { MetadataBearer, MiddlewareStack } from "@aws-sdk/types";
import { createCredentialCache, roleSessionName, type CredentialCache } from "./assumed-role-credentials";
import { serializedPerKey } from "./serialized-per-key";

// The one place Gatehouse builds AWS clients. The portal's own identity comes from the SDK's default credential
// chain (task role, IRSA, instance profile); every call into a registered account goes through that account's role,
// assumed with its ExternalId. AWS_ENDPOINT_URL, when set (the simulator), is honoured by the SDK itself.

export type AccountAccess = { accountId: string; roleArn: string; externalId: string; region: string };

export type AccountClients = {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  apiGateway: APIGatewayClient;
  apiGatewayV2: ApiGatewayV2Client;
  /**
   * The same services without SDK retries, for the creates API Gateway cannot make idempotent (CreateRestApi,
   * CreateVpcLink, CreateResource): after an ambiguous failure the step looks before it creates again. Also for the
   * rate-limited calls, which on throttling take a new turn rather than retry in place.
   */
  apiGatewayOnce: APIGatewayClient;
  apiGatewayV2Once: ApiGatewayV2Client;
  serviceQuotas: ServiceQuotasClient;
};

export type ClientFactory = {
  /** Clients acting in `access.accountId` as its Gatehouse role, in a session named after `purpose`. */
  clientsFor(access: AccountAccess, purpose: string): AccountClients;
};

// API Gateway throttles its control plane per account (DESIGN §3): writes into one account go one at a time from this
// process, SDK retries included; reads and other services are not held up. Rate-limited creates are also spaced
// across processes (lib/provisioning/api-call-pacing.ts).
const apiGatewayWrite = /^(Create|Put|Update|Delete|Import|Tag|Untag|Flush)/;
const writesPerAccount = serializedPerKey();

function serializeApiGatewayWrites<T extends APIGatewayClient | ApiGatewayV2Client>(client: T, accountKey: string): T {
  const middlewareStack = client.middlewareStack as MiddlewareStack<object, MetadataBearer>;
  middlewareStack.add(
    (next, context) => (args) =>
      apiGatewayWrite.test(context.commandName ?? "") ? writesPerAccount(accountKey, () => next(args)) : next(args),
    {
      step: "initialize",
      name: "gatehouseSerializeApiGatewayWrites",
    },
  );
  return client;
}

/** Builds each client on first use: a step touches one or two services, and a client's config is costly to resolve. */
function lazily<T extends object>(build: { [K in keyof T]: () => T[K] }): T {
  const built: Partial<T> = {};
  const clients = {} as T;
  for (const key of Object.keys(build) as (keyof T)[]) {
    Object.defineProperty(clients, key, { enumerable: true, get: () => (built[key] ??= build[key]()) });
  }
  return clients;
}

// Every step of a run asks for its account's clients; building them again each time costs more CPU than the calls.
const reusedClientSets = 256;

export function createClientFactory(
  options: { sts?: STSClient; credentialCache?: CredentialCache; maxAttempts?: number } = {},
): ClientFactory {
  const cache = options.credentialCache ?? createCredentialCache({ sts: options.sts ?? new STSClient({}) });
  const built = new Map<string, AccountClients>();
  return {
    clientsFor(access, purpose) {
      const key = JSON.stringify([access.accountId, access.roleArn, access.externalId, access.region, purpose]);
      const reused = built.get(key);
      if (reused) {
        // Most recently used last, so the oldest set is the one dropped.
        built.delete(key);
        built.set(key, reused);
        return reused;
      }
      const clients = buildClients(access, purpose);
      built.set(key, clients);
      if (built.size > reusedClientSets) built.delete(built.keys().next().value ?? key);
      return clients;
    },
  };

  function buildClients(access: AccountAccess, purpose: string): AccountClients {
    const credentials = cache.providerFor({
      roleArn: access.roleArn,
      externalId: access.externalId,
      sessionName: roleSessionName(purpose),
    });
    const config = { region: access.region, credentials, maxAttempts: options.maxAttempts ?? 3 };
    const once = { ...config, maxAttempts: 1 };
    const accountKey = `${access.accountId}/${access.region}`;
    return lazily<AccountClients>({
      ec2: () => new EC2Client(config),
      elb: () => new ElasticLoadBalancingV2Client(config),
      apiGateway: () => serializeApiGatewayWrites(new APIGatewayClient(config), accountKey),
      apiGatewayV2: () => serializeApiGatewayWrites(new ApiGatewayV2Client(config), accountKey),
      apiGatewayOnce: () => serializeApiGatewayWrites(new APIGatewayClient(once), accountKey),
      apiGatewayV2Once: () => serializeApiGatewayWrites(new ApiGatewayV2Client(once), accountKey),
      serviceQuotas: () => new ServiceQuotasClient(config),
    });
  }
}
