import type { AwsError } from "./aws-error";
import type { AuthorizationRequest } from "./policy-evaluation";
import type { Profile } from "./profiles";
import type { Random } from "./random";
import type { ThrottleBuckets } from "./throttle";
import type { AccessKey, ResourceBase, World } from "./world";
import type { QueryParams } from "../protocols/query-params";
import type { XmlValue } from "../protocols/xml";

export type SimulatorOptions = {
  /** A new resource stays invisible to Describe/List calls for this long (eventual consistency). */
  consistencyDelayMs: number;
  /** Share of calls (0–1) answered with throttling or a 5xx; half of the 5xx happen after the change was made. */
  faultRate: number;
  /** Apply the profile's control-plane throttles. */
  throttles: boolean;
  /**
   * TestInvokeMethod finds its method exactly, as GetMethod does, answering `NotFoundException: Invalid Method
   * identifier specified` for GET on a resource that defines only ANY. Off: GET resolves to ANY. AWS documents
   * neither (aws-chain-facts §11.0), so tests run both ways.
   */
  exactMethodLookups: boolean;
};

export type SimulatorRuntime = {
  world: World;
  profile: Profile;
  random: Random;
  options: SimulatorOptions;
  throttles: ThrottleBuckets;
  now(): number;
  log(line: string): void;
  /** Loopback ports of the running backend servers by backend id (runtime only, never persisted). */
  backendPorts: Map<string, number>;
};

/** What every operation handler receives: who calls, where, and the simulator around it. */
export type CallContext = {
  sim: SimulatorRuntime;
  world: World;
  caller: AccessKey;
  /** The caller's account: resources are visible only to it unless AWS shares them. */
  accountId: string;
  region: string;
  requestId: string;
  now: number;
  /** Throws the service's access-denied error unless the caller's policies allow the request. */
  authorize(request: AuthorizationRequest): void;
  /** The base fields of a new resource owned by the caller's account in this region. */
  newResource(id: string, tags?: Record<string, string>): ResourceBase;
};

export type QueryOperation = {
  /** The IAM action checked before the handler runs, e.g. "ec2:CreateVpcEndpoint"; null when IAM checks none. */
  action: string | null;
  /** Throttle bucket; defaults to "<service>:*". */
  throttleKey?: string;
  handle(context: CallContext, params: QueryParams): Record<string, XmlValue> | Promise<Record<string, XmlValue>>;
};

export type ServiceErrors = {
  /** An access key the service does not know (the wording differs between protocols). */
  unknownAccessKey(): AwsError;
  accessDenied(callerArn: string, action: string, resource?: string, explicitDeny?: boolean): AwsError;
  throttled(): AwsError;
  internal(): AwsError;
  unknownOperation(name: string): AwsError;
};

export type QueryService = {
  protocol: "ec2" | "awsQuery";
  /** The SigV4 credential-scope service name that routes here. */
  signingName: string;
  xmlNamespace: string;
  errors: ServiceErrors;
  operations: Record<string, QueryOperation>;
  /**
   * What IAM evaluates for an operation, by operation name: the resources it acts on with their current tags, the
   * tags it puts on what it creates. An operation without an entry is checked on resource "*" (reads and lists).
   */
  authorization?: Record<string, (context: CallContext, params: QueryParams) => AuthorizationRequest[]>;
};

export type RestRequest = {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | undefined>;
};

export type RestResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type RestRoute = {
  method: string;
  /** A path template such as "/restapis/{restapi_id}/resources/{resource_id}". */
  path: string;
  /** The operation name, for throttling and logs ("CreateRestApi"). */
  operation: string;
  /** The IAM action, e.g. "apigateway:POST". */
  action: string;
  handle(context: CallContext, request: RestRequest): RestResponse | Promise<RestResponse>;
};

export type RestService = {
  protocol: "restJson";
  signingName: string;
  /** Routes under this prefix belong to this service ("/v2" for API Gateway v2, "" for v1). */
  pathPrefix: string;
  /** Throttle bucket namespace ("apigateway" or "apigatewayv2"). */
  throttleNamespace: string;
  errors: ServiceErrors;
  routes: RestRoute[];
  /** What IAM evaluates for a call to a route: the path's resource ARN, its tags and the request's tags. */
  authorization(context: CallContext, route: RestRoute, request: RestRequest): AuthorizationRequest[];
};

export type JsonOperation = {
  /** The IAM action checked on resource "*" before the handler runs. */
  action: string;
  handle(context: CallContext, body: Record<string, unknown>): Record<string, unknown>;
};

/** The awsJson1_1 protocol: POST / with the operation in X-Amz-Target ("<targetPrefix>.<Operation>"). */
export type JsonService = {
  protocol: "awsJson1_1";
  signingName: string;
  targetPrefix: string;
  errors: ServiceErrors;
  operations: Record<string, JsonOperation>;
};

export type Service = QueryService | RestService | JsonService;
