import type { AwsAccount, ExposureRequest, PlatformHub } from "@/lib/generated/prisma/client";
import { hubSettingsOf } from "@/lib/hubs/hub-settings";

// An exposure and its hub as the plan and the hops see them, built from the database rows in one place.

export type Hub = {
  accountId: string;
  region: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  executeApiEndpointId: string;
  /** v1: a dedicated NLB + REST VPC link per exposure (the seed's chain); v2: one shared API Gateway v2 link per hub. */
  linkMode: "v1" | "v2";
};

export type ExposureSource =
  | { kind: "crossAccountNlb"; accountId: string; loadBalancerArn: string; port: number }
  | { kind: "remoteNetwork"; networkName: string; ips: string[]; port: number };

export type Exposure = {
  requestId: string;
  apiName: string;
  stageName: string;
  /** The Host header (and TLS name) the backend expects; the platform NLB's DNS name when unset. */
  backendHost?: string;
  source: ExposureSource;
  /** The team's OpenAPI document, when the API is built from it instead of ANY /{proxy+}. */
  openApiDocument?: string;
};

export function exposureOf(request: ExposureRequest): Exposure {
  const source: Exposure["source"] =
    request.scenario === "cross_account_nlb"
      ? {
          kind: "crossAccountNlb",
          accountId: request.sourceAccountId ?? "",
          loadBalancerArn: request.loadBalancerArn ?? "",
          port: request.port,
        }
      : {
          kind: "remoteNetwork",
          networkName: request.remoteNetworkName ?? "",
          ips: request.remoteIps,
          port: request.port,
        };
  return {
    requestId: request.id,
    apiName: request.apiName,
    stageName: request.stageName,
    backendHost: request.backendHost ?? undefined,
    source,
    openApiDocument: (request.buildFromOpenApi && request.openApiDocument) || undefined,
  };
}

export function hubOf(hub: PlatformHub & { account: AwsAccount }): Hub {
  const { accountId } = hub.account;
  return { accountId, region: hub.region, ...hubSettingsOf(hub) };
}
