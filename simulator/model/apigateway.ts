import type { ResourceBase } from "../core/world";

// API Gateway resources. Collections: "apigateway.restApi", "apigateway.vpcLink", "apigatewayv2.vpcLink".
// A REST API holds its resources, methods, deployments and stages inline: they live and die with it.

export type Integration = {
  type: "HTTP_PROXY" | "HTTP" | "MOCK" | "AWS" | "AWS_PROXY";
  httpMethod?: string;
  uri?: string;
  connectionType: "INTERNET" | "VPC_LINK";
  connectionId?: string;
  /** VPC link V2 only: the load balancer ARN the integration targets. */
  integrationTarget?: string;
  requestParameters: Record<string, string>;
  requestTemplates: Record<string, string>;
  passthroughBehavior?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  tlsConfig?: { insecureSkipVerification?: boolean };
  integrationResponses: Record<
    string,
    {
      statusCode: string;
      responseParameters: Record<string, string>;
      responseTemplates: Record<string, string>;
      selectionPattern?: string;
    }
  >;
};

export type Method = {
  httpMethod: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  requestParameters: Record<string, boolean>;
  methodResponses: Record<
    string,
    { statusCode: string; responseParameters: Record<string, boolean>; responseModels: Record<string, string> }
  >;
  integration?: Integration;
};

export type ApiResource = {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  methods: Record<string, Method>;
};

/** A deployment freezes the API's resources and policy; the data plane serves the snapshot, not the live API. */
export type Deployment = {
  id: string;
  description?: string;
  createdDate: number;
  snapshot: { resources: ApiResource[]; policy?: string };
};

export type Stage = {
  stageName: string;
  deploymentId: string;
  description?: string;
  variables: Record<string, string>;
  createdDate: number;
  lastUpdatedDate: number;
  tags: Record<string, string>;
};

export type RestApi = ResourceBase & {
  name: string;
  description?: string;
  endpointConfiguration: { types: ("PRIVATE" | "REGIONAL" | "EDGE")[]; vpcEndpointIds: string[] };
  policy?: string;
  disableExecuteApiEndpoint: boolean;
  apiKeySource: string;
  rootResourceId: string;
  resources: ApiResource[];
  deployments: Deployment[];
  stages: Stage[];
};

export type VpcLinkStatus = "AVAILABLE" | "PENDING" | "DELETING" | "FAILED";

export type VpcLinkV1 = ResourceBase & {
  name: string;
  description?: string;
  targetArns: string[];
  lifecycle: { status: VpcLinkStatus; statusMessage: string; at: number }[];
  /** Set by a delete: the link is gone from this time on. */
  goneAt?: number;
};

export type VpcLinkV2 = ResourceBase & {
  name: string;
  subnetIds: string[];
  securityGroupIds: string[];
  lifecycle: {
    status: "PENDING" | "AVAILABLE" | "DELETING" | "FAILED" | "INACTIVE";
    statusMessage: string;
    at: number;
  }[];
  networkInterfaceIds: string[];
  /** The last request the data plane (or TestInvokeMethod) sent through the link; idleness counts from it. */
  lastTrafficAt?: number;
  /** Set by a delete: the link is gone from this time on. */
  goneAt?: number;
};
