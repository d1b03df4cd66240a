import type { SimulatorRuntime } from "../core/service";
import type { ChainHop } from "./chain-hops";

// What API Gateway answers when it cannot complete a call, word for word (bodies, status codes, x-amzn-ErrorType),
// and the "hop … broken" signal the invoke chain throws to produce them.

export type GatewayAnswer = { status: number; body: string; errorType?: string };

export const gatewayAnswers = {
  /** Unknown API or stage, a public API through the VPC endpoint, an endpoint that cannot carry the call. */
  forbidden: (): GatewayAnswer => ({
    status: 403,
    body: JSON.stringify({ message: "Forbidden" }),
    errorType: "ForbiddenException",
  }),
  /** No resource/method matches the path: API Gateway's famously misleading answer. */
  missingAuthenticationToken: (): GatewayAnswer => ({
    status: 403,
    body: JSON.stringify({ message: "Missing Authentication Token" }),
    errorType: "MissingAuthenticationTokenException",
  }),
  /** The resource policy refused the caller: anonymous, or the signed principal of an AWS_IAM method. */
  accessDenied: (resourceArn: string, explicit: boolean, user = "anonymous"): GatewayAnswer => ({
    status: 403,
    body: JSON.stringify({
      Message: `User: ${user} is not authorized to perform: execute-api:Invoke on resource: ${resourceArn}${explicit ? " with an explicit deny" : ""}`,
    }),
    errorType: "AccessDeniedException",
  }),
  /** A configuration error anywhere behind the integration: link, load balancer, targets, endpoint, backend. */
  internalServerError: (): GatewayAnswer => ({
    status: 500,
    body: '{"message": "Internal server error"}',
    errorType: "InternalServerErrorException",
  }),
  /** The backend did not answer within the integration's timeout. */
  endpointRequestTimedOut: (): GatewayAnswer => ({ status: 504, body: '{"message": "Endpoint request timed out"}' }),
};

export class HopBroken extends Error {
  constructor(
    readonly hop: ChainHop,
    readonly reason: string,
    readonly answer: GatewayAnswer,
  ) {
    super(`hop ${hop}: ${reason}`);
  }
}

/** A configuration error: AWS logs "Execution failed due to configuration error" and answers 500. */
export const configurationError = (hop: ChainHop, reason: string) =>
  new HopBroken(hop, reason, gatewayAnswers.internalServerError());

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A line of an execution log as TestInvokeMethod shows it: "Tue Nov 24 20:54:24 UTC 2026 : …". */
export function logLine(at: number, text: string): string {
  const date = new Date(at);
  const time = date.toISOString().slice(11, 19);
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${days[date.getUTCDay()] ?? ""} ${months[date.getUTCMonth()] ?? ""} ${day} ${time} UTC ${date.getUTCFullYear()} : ${text}`;
}

/** What a walk of the chain ends with, before the request id and timing are added. */
export type Answer = {
  status: number;
  headers: Record<string, string>;
  body: string;
  brokenHop?: string;
  failure?: string;
};

/** The execution log of one call, written as the walk goes. */
export type Trail = { sim: SimulatorRuntime; lines: string[]; note(text: string): void };

export function createTrail(sim: SimulatorRuntime, requestId: string): Trail {
  const lines = [`Execution log for request ${requestId}`];
  return { sim, lines, note: (text) => lines.push(logLine(sim.now(), text)) };
}
