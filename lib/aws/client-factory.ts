import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { STSClient } from "@aws-sdk/client-sts";
import { createCredentialCache, roleSessionName, type CredentialCache } from "./assumed-role-credentials";

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
   * CreateVpcLink, CreateResource): after an ambiguous failure the step looks before it creates again.
   */
  apiGatewayOnce: APIGatewayClient;
  apiGatewayV2Once: ApiGatewayV2Client;
};

export type ClientFactory = {
  /** Clients acting in `access.accountId` as its Gatehouse role, in a session named after `purpose`. */
  clientsFor(access: AccountAccess, purpose: string): AccountClients;
};

export function createClientFactory(options: { sts?: STSClient; credentialCache?: CredentialCache; maxAttempts?: number } = {}): ClientFactory {
  const cache = options.credentialCache ?? createCredentialCache({ sts: options.sts ?? new STSClient({}) });
  return {
    clientsFor(access, purpose) {
      const credentials = cache.providerFor({ roleArn: access.roleArn, externalId: access.externalId, sessionName: roleSessionName(purpose) });
      const config = { region: access.region, credentials, maxAttempts: options.maxAttempts ?? 3 };
      const once = { ...config, maxAttempts: 1 };
      return {
        ec2: new EC2Client(config),
        elb: new ElasticLoadBalancingV2Client(config),
        apiGateway: new APIGatewayClient(config),
        apiGatewayV2: new ApiGatewayV2Client(config),
        apiGatewayOnce: new APIGatewayClient(once),
        apiGatewayV2Once: new ApiGatewayV2Client(once),
      };
    },
  };
}
