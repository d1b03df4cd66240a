import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDirectory } from "./process-lock";

// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a directory and served on
// loopback over the PostgreSQL wire protocol, so the app, the worker and pg-boss connect with a normal DATABASE_URL.
// The socket server's query queue keeps a transaction on its connection, so several pooled connections work.

export class PortInUseError extends Error {
  constructor(port: number, purpose: string) {
    super(`Port ${port} (${purpose}) is already in use. Is Gatehouse already running? Stop it, or choose another port.`);
    this.name = "PortInUseError";
  }
}

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: { dataDir?: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const release = options.dataDir ? lockDirectory(options.dataDir) : () => undefined;
  const database = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const server = new PGLiteSocketServer({ db: database, port: options.port, host, maxConnections: 100 });
  try {
    await database.waitReady;
    await server.start();
  } catch (error) {
    await database.close().catch(() => undefined);
    release();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(options.port, "embedded database, GATEHOUSE_DB_PORT");
    throw error;
  }
  return {
    url: `postgresql://postgres@${host}:${options.port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await database.close();
      release();
    },
  };
}
