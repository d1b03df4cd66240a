import { startEmbeddedPostgres } from "@/lib/embedded/embedded-postgres";

// The load benchmark's embedded database in a process of its own, as `npm start` runs it (in the launcher, not in the
// web processes), so the load generator's own work never delays PGlite. Prints "ready" once it accepts connections.

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: embedded-database-process.ts <port>");
const database = await startEmbeddedPostgres({ port });
console.log("ready");
process.on("SIGTERM", () => void database.stop().then(() => process.exit(0)));
