import { request as httpRequest } from "node:http";
import { dnsSuffixOf } from "../core/partition";
import { readMessage } from "../dataplane/http-messages";
import type { RunningSimulator } from "../server";

// Calls the simulator's execute-api endpoint as a client in a consumer VPC would (see dataplane/execute-api-endpoint.ts
// for the convention). Uses node:http because fetch does not let a caller choose the Host header.

export type PrivateApiAnswer = { status: number; headers: Record<string, string>; body: string };

export function invokePrivateApi(
  sim: RunningSimulator,
  input: { path: string; host?: string; headers?: Record<string, string>; method?: string; body?: string },
): Promise<PrivateApiAnswer> {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: input.method ?? "GET",
        path: input.path,
        headers: { ...(input.host ? { host: input.host } : {}), ...input.headers },
      },
      (response) => {
        readMessage(response).then(
          ({ headers, body }) => resolve({ status: response.statusCode ?? 0, headers, body }),
          reject,
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(input.body);
  });
}

/** The Route 53 alias name AWS creates for a private API associated with an execute-api endpoint. */
export function aliasHost(restApiId: string, vpceId: string, region = "eu-west-1"): string {
  return `${restApiId}-${vpceId}.execute-api.${region}.${dnsSuffixOf(region)}`;
}
