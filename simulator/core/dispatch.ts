import { randomUUID } from "node:crypto";
import { AwsError, isAwsError } from "./aws-error";
import { createCallContext } from "./call-context";
import { lookUpCaller } from "./identity";
import type {
  CallContext,
  JsonService,
  QueryService,
  RestService,
  Service,
  ServiceErrors,
  SimulatorRuntime,
} from "./service";
import { QueryParams } from "../protocols/query-params";
import { queryError, querySuccess, type WireResponse } from "../protocols/query-responses";
import { matchRoute } from "../protocols/rest-routing";

export type AwsRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  accessKeyId: string;
  region: string;
};

/** Answers one signed AWS API call for `service`: identity, throttling, faults, authorization, then the handler. */
export async function dispatch(sim: SimulatorRuntime, service: Service, request: AwsRequest): Promise<WireResponse> {
  const requestId = randomUUID();
  const started = sim.now();
  const reply = { restJson: dispatchRest, awsJson1_1: dispatchJson, ec2: dispatchQuery, awsQuery: dispatchQuery }[
    service.protocol
  ];
  const response = await reply(sim, service as never, request, requestId);
  sim.log(`${service.signingName} ${describe(service, request)} → ${response.status} (${sim.now() - started} ms)`);
  return response;
}

function describe(service: Service, request: AwsRequest): string {
  if (service.protocol === "restJson") return `${request.method} ${request.path}`;
  if (service.protocol === "awsJson1_1") return request.headers["x-amz-target"] ?? "?";
  return new URLSearchParams(request.body).get("Action") ?? "?";
}

async function dispatchQuery(
  sim: SimulatorRuntime,
  service: QueryService,
  request: AwsRequest,
  requestId: string,
): Promise<WireResponse> {
  const params = QueryParams.parse(request.body, service.protocol === "ec2" ? "" : ".member");
  const action = params.action;
  try {
    const operation = service.operations[action];
    if (!operation) throw service.errors.unknownOperation(action);
    const context = authenticate(sim, service.errors, request, requestId);
    const throttleKey = operation.throttleKey ?? `${service.signingName}:*`;
    const body = await guarded(sim, context, service.errors, throttleKey, () => {
      if (operation.action !== null) {
        const requests = service.authorization?.[action]?.(context, params) ?? [
          { action: operation.action, resource: "*" },
        ];
        for (const request of requests) context.authorize(request);
        // EC2's DryRun answers from the same evaluation: UnauthorizedOperation above, or DryRunOperation, changing nothing.
        if (params.boolean("DryRun"))
          throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
      }
      return operation.handle(context, params);
    });
    return querySuccess(service, action, body, requestId);
  } catch (error) {
    return queryError(service, asAwsError(sim, service.errors, error), requestId);
  }
}

async function dispatchRest(
  sim: SimulatorRuntime,
  service: RestService,
  request: AwsRequest,
  requestId: string,
): Promise<WireResponse> {
  const path = request.path.slice(service.pathPrefix.length) || "/";
  try {
    const match = matchRoute(service.routes, request.method, path);
    if (!("route" in match)) {
      throw match.methodMismatch
        ? new AwsError("MethodNotAllowedException", "The requested method is not allowed for this resource", 405)
        : new AwsError("NotFoundException", `Invalid resource path ${request.path}`, 404);
    }
    const { route, pathParams } = match;
    const context = authenticate(sim, service.errors, request, requestId);
    const ownBucket = `${service.throttleNamespace}:${route.operation}`;
    const throttleKey = sim.profile.throttles[ownBucket] ? ownBucket : "apigateway:*";
    const response = await guarded(sim, context, service.errors, throttleKey, () => {
      const restRequest = {
        method: request.method,
        path,
        pathParams,
        query: request.query,
        body: parseJson(request.body),
        headers: request.headers,
      };
      for (const authorization of service.authorization(context, route, restRequest)) context.authorize(authorization);
      return route.handle(context, restRequest);
    });
    return {
      status: response.status,
      headers: { "content-type": "application/json", "x-amzn-requestid": requestId, ...response.headers },
      body: response.body === undefined ? "" : JSON.stringify(response.body),
    };
  } catch (error) {
    const awsError = asAwsError(sim, service.errors, error);
    return {
      status: awsError.status,
      headers: {
        "content-type": "application/json",
        "x-amzn-errortype": awsError.code,
        "x-amzn-requestid": requestId,
        ...awsError.headers,
      },
      body: JSON.stringify({ message: awsError.message }),
    };
  }
}

/** awsJson1_1: the operation named by X-Amz-Target, errors as {"__type", "message"} with the status AWS uses. */
async function dispatchJson(
  sim: SimulatorRuntime,
  service: JsonService,
  request: AwsRequest,
  requestId: string,
): Promise<WireResponse> {
  const headers = { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId };
  try {
    const target = request.headers["x-amz-target"] ?? "";
    const name = target.startsWith(`${service.targetPrefix}.`) ? target.slice(service.targetPrefix.length + 1) : "";
    const operation = service.operations[name];
    if (!operation) throw service.errors.unknownOperation(target);
    const context = authenticate(sim, service.errors, request, requestId);
    const body = await guarded(sim, context, service.errors, `${service.signingName}:*`, () => {
      context.authorize({ action: operation.action, resource: "*" });
      return operation.handle(context, parseJson(request.body) as Record<string, unknown>);
    });
    return { status: 200, headers, body: JSON.stringify(body) };
  } catch (error) {
    const awsError = asAwsError(sim, service.errors, error);
    return {
      status: awsError.status,
      headers: { ...headers, ...awsError.headers },
      body: JSON.stringify({ __type: awsError.code, message: awsError.message }),
    };
  }
}

function parseJson(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new AwsError("BadRequestException", "Invalid JSON in the request body", 400);
  }
}

function authenticate(
  sim: SimulatorRuntime,
  errors: ServiceErrors,
  request: AwsRequest,
  requestId: string,
): CallContext {
  const found = lookUpCaller(sim.world, request.accessKeyId, sim.now());
  if ("problem" in found) {
    throw found.problem === "expired"
      ? new AwsError("ExpiredToken", "The security token included in the request is expired", 403)
      : errors.unknownAccessKey();
  }
  return createCallContext({ sim, caller: found.caller, region: request.region, requestId, errors });
}

/** Throttling and fault injection around a handler; half the injected 5xx happen after the change was made. */
async function guarded<T>(
  sim: SimulatorRuntime,
  context: CallContext,
  errors: ServiceErrors,
  throttleKey: string,
  run: () => T | Promise<T>,
): Promise<T> {
  const limit = sim.profile.throttles[throttleKey];
  if (
    sim.options.throttles &&
    limit &&
    !sim.throttles.take(`${context.accountId}|${throttleKey}`, limit, context.now)
  ) {
    throw errors.throttled();
  }
  if (sim.options.faultRate > 0 && sim.random.next() < sim.options.faultRate) {
    const kind = sim.random.pick(["throttle", "before", "after"] as const);
    if (kind === "throttle") throw errors.throttled();
    if (kind === "before") throw errors.internal();
    await run();
    sim.world.changed();
    throw errors.internal();
  }
  const result = await run();
  sim.world.changed();
  return result;
}

function asAwsError(sim: SimulatorRuntime, errors: ServiceErrors, error: unknown): AwsError {
  if (isAwsError(error)) return error;
  sim.log(`internal simulator error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return errors.internal();
}
