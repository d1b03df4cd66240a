import { createClientFactory, type ClientFactory } from "./client-factory";

const globalForClients = globalThis as unknown as { gatehouseClients?: ClientFactory };

/**
 * The one client factory of this process (web server or worker), so assumed-role credentials are cached across
 * requests and runs until they expire. Kept on globalThis so dev-server reloads reuse it.
 */
export function processClients(): ClientFactory {
  globalForClients.gatehouseClients ??= createClientFactory();
  return globalForClients.gatehouseClients;
}
