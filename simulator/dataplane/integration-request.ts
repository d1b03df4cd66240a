import { request as httpRequest } from "node:http";
import type { Integration } from "../model/apigateway";
import { readMessage } from "./http-messages";

// The HTTP_PROXY integration request: the uri with its `{name}` path variables filled from the method request (via
// `integration.request.path.*` mappings), the client's query string, headers passed through with Host set from the
// uri (the uri's host is never used for routing in a private integration, only as Host and TLS name), and the call
// itself against the backend's real loopback server, bounded by the integration timeout.

export type IntegrationTarget = { uri: string; hostHeader: string; port: number; path: string };

const hopByHopHeaders = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

export function substituteStageVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => variables[name] ?? "");
}

function pathVariable(integration: Integration, name: string, pathParameters: Record<string, string>): string {
  const source = integration.requestParameters[`integration.request.path.${name}`];
  const mapped = source?.startsWith("method.request.path.")
    ? pathParameters[source.slice("method.request.path.".length)]
    : undefined;
  return mapped ?? pathParameters[name] ?? "";
}

export function integrationTarget(
  integration: Integration,
  pathParameters: Record<string, string>,
  query: string,
  stageVariables: Record<string, string>,
): IntegrationTarget {
  const template = substituteStageVariables(integration.uri ?? "", stageVariables);
  const uri = new URL(
    template.replace(/\{([A-Za-z0-9_.-]+)\}/g, (_, name: string) => pathVariable(integration, name, pathParameters)),
  );
  const port = uri.port ? Number(uri.port) : uri.protocol === "https:" ? 443 : 80;
  const search = [uri.search.slice(1), query].filter(Boolean).join("&");
  const path = `${uri.pathname}${search ? `?${search}` : ""}`;
  return { uri: `${uri.protocol}//${uri.host}${path}`, hostHeader: uri.host, port, path };
}

export function passThroughHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHopHeaders.has(name.toLowerCase())));
}

export type BackendOutcome =
  | { kind: "answered"; status: number; headers: Record<string, string>; body: string }
  | { kind: "timedOut" }
  | { kind: "failed"; message: string };

export function callBackend(
  localPort: number,
  request: { method: string; path: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<BackendOutcome> {
  const body = request.body ? Buffer.from(request.body, "utf8") : undefined;
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      {
        host: "127.0.0.1",
        port: localPort,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(body ? { "content-length": String(body.length) } : {}) },
      },
      (response) => {
        readMessage(response).then(
          ({ headers, body: answer }) => {
            clearTimeout(timer);
            resolve({
              kind: "answered",
              status: response.statusCode ?? 502,
              headers: passThroughHeaders(headers),
              body: answer,
            });
          },
          (error: Error) => resolve({ kind: "failed", message: error.message }),
        );
      },
    );
    const timer = setTimeout(() => {
      resolve({ kind: "timedOut" });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      resolve({ kind: "failed", message: error.message });
    });
    outgoing.end(body);
  });
}
