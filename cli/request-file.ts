import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { CliError } from "./cli-error.ts";

// A request as a file: the wizard's fields as JSON or YAML. The CLI only reads it; the portal validates it with the
// browser's schema and answers 422 naming each bad field.

export async function readRequestFile(path: string): Promise<Record<string, unknown>> {
  const format = /\.json$/i.test(path) ? "json" : /\.ya?ml$/i.test(path) ? "yaml" : undefined;
  if (!format) throw new CliError(`--file ${path}: name a .json, .yaml or .yml file.`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`--file ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  let value: unknown;
  try {
    value = format === "json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CliError(`--file ${path}: not valid ${format.toUpperCase()}: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CliError(`--file ${path}: expected the request's fields (scenario, teamId, region, …) as a mapping.`);
  return value as Record<string, unknown>;
}
