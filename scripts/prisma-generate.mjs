// Runs `prisma generate`. Generating the client needs no schema engine, but the CLI still tries to download one
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; pointing it at this script keeps `npm install` offline.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
