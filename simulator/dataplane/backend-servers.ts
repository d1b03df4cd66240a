import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimulatorRuntime } from "../core/service";
import type { Backend } from "../model/backends";
import { readMessage } from "./http-messages";

// The landscape's services, for real: each backend is an HTTP server on an ephemeral loopback port that answers
// with who it is and an echo of what it received (method, path, query, headers, body), so a test or a person sees
// the request went all the way through and with which Host and headers. Ports are runtime state: a restart from a
// persisted world starts the servers again on new ports.

function answer(backend: Backend, request: IncomingMessage, response: ServerResponse, body: string): void {
  const url = new URL(request.url ?? "/", "http://backend");
  const echo = {
    ...backend.answer.fields,
    service: backend.name,
    address: `${backend.ip}:${backend.port}`,
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body,
  };
  response.writeHead(backend.answer.status, { "content-type": "application/json", "x-served-by": backend.name });
  response.end(JSON.stringify(echo));
}

function serve(backend: Backend): Server {
  return createServer((request, response) => {
    readMessage(request).then(
      ({ body }) => {
        const reply = () => answer(backend, request, response, body);
        if (backend.answer.delayMs > 0) setTimeout(reply, backend.answer.delayMs);
        else reply();
      },
      () => response.destroy(),
    );
  });
}

export type RunningBackends = { stop(): Promise<void> };

/** Starts a server for every backend in the world and records its loopback port in `sim.backendPorts`. */
export async function startBackends(sim: SimulatorRuntime): Promise<RunningBackends> {
  const servers: Server[] = [];
  for (const backend of sim.world.collection<Backend>("landscape.backend").all()) {
    const server = serve(backend);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    sim.backendPorts.set(backend.id, (server.address() as AddressInfo).port);
    servers.push(server);
  }
  return {
    async stop() {
      sim.backendPorts.clear();
      await Promise.all(
        servers.map((server) => {
          server.closeAllConnections();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        }),
      );
    },
  };
}
