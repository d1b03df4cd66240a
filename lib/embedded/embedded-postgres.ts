import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedDatabaseUrl } from "./embedded-database-url";
import { lockDirectory } from "./process-lock";

// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a directory and served on
// loopback over the PostgreSQL wire protocol, so the app, the worker and pg-boss connect with a normal DATABASE_URL.
// The socket server's query queue keeps a transaction on its connection, so several pooled connections work.

export class PortInUseError extends Error {
  constructor(port: number, purpose: string) {
    super(
      `Port ${port} (${purpose}) is already in use. Is Gatehouse already running? Stop it, or choose another port.`,
    );
    this.name = "PortInUseError";
  }
}

type QueryQueue = { db: PGlite; lastHandlerId: number | null };

/**
 * The socket server runs one message at a time from any connection, and keeps a connection's turn only while PGlite
 * is inside a transaction. An extended-protocol query (Parse, Bind, Describe, Execute … Sync) is several messages,
 * and another connection's Parse in between replaces the unnamed statement: "unnamed prepared statement does not
 * exist", "portal does not exist". The queue's view of PGlite is widened so a connection also keeps its turn from
 * its first extended message until its Sync.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const database = queue.db;
  const closingTypes = new Set(["S", "Q", "X"].map((letter) => letter.charCodeAt(0)));
  let batchOpen = false;
  queue.db = new Proxy(database, {
    get(target, property, receiver) {
      if (property === "isInTransaction") return () => batchOpen || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          batchOpen = !closingTypes.has(message[0] ?? 0);
          return target.execProtocolRawStream(message, options);
        };
      }
      // A disconnect mid-batch ends with the queue's own ROLLBACK: the connection's turn ends with it.
      if (property === "exec") {
        return (query: string) => {
          batchOpen = false;
          return target.exec(query);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const release = options.dataDir ? lockDirectory(options.dataDir) : () => undefined;
  const database = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const server = new PGLiteSocketServer({ db: database, port: options.port, host, maxConnections: 100 });
  keepExtendedQueriesTogether(server);
  try {
    await database.waitReady;
    await server.start();
  } catch (error) {
    await database.close().catch(() => undefined);
    release();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new PortInUseError(options.port, "embedded database, GATEHOUSE_DB_PORT");
    throw error;
  }
  return {
    url: embeddedDatabaseUrl(options.port, host),
    async stop() {
      await server.stop();
      await database.close();
      release();
    },
  };
}
