import { readCliEnv } from "./cli-env.ts";
import { CliError } from "./cli-error.ts";
import { runCommand } from "./commands.ts";
import { parseCommandLine, usage } from "./command-line.ts";
import { portalClient } from "./portal-client.ts";

// `npx gatehouse …`: a client of the portal's /api/v1, acting as the owner of GATEHOUSE_TOKEN. It opens no database
// and calls no AWS API: the portal checks, audits and authorizes every action, and its worker provisions.

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommandLine(argv);
  if (command.name === "help") {
    console.log(usage);
    return 0;
  }
  const environment = readCliEnv(process.env);
  if ("problems" in environment) throw new CliError(environment.problems.join("\n"), 2);
  return runCommand(command, portalClient(environment.env), {
    result: (value) => console.log(typeof value === "string" ? value : JSON.stringify(value, null, 2)),
    tell: (line) => console.error(line),
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof CliError ? error.message : `gatehouse failed: ${String(error)}`);
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
