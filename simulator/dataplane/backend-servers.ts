import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SimulatorRuntime } from "../core/service";
import type { Backend } from "../model/backends";

// The landscape's services, for real: each backend is an HTTP server on a loopback port that answers with who it is
// and what it received, so a test or a person can see the request went all the way through.

function answer(backend: Backend, server: Server) {
  server.on("request", (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json", "x-served-by": backend.name });
      response.end(
        JSON.stringify({
          service: backend.name,
          at: `${backend.ip}:${backend.port}`,
          network: backend.network,
          method: request.method,
          path: request.url,
          host: request.headers.host,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
  });
}

export async function startBackends(sim: SimulatorRuntime): Promise<{ stop(): Promise<void> }> {
  const servers: Server[] = [];
  for (const backend of sim.world.collection<Backend>("landscape.backend").all()) {
    const server = createServer();
    answer(backend, server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    sim.backendPorts.set(backend.id, (server.address() as AddressInfo).port);
    servers.push(server);
  }
  return {
    async stop() {
      await Promise.all(
        servers.map((server) => {
          server.closeAllConnections();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        }),
      );
    },
  };
}
