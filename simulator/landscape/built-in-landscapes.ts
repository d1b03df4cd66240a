import { fileURLToPath } from "node:url";

// The landscapes that ship with the simulator, by name: `demo` (eu-west-1, the commercial partition) and `china`
// (cn-north-1 and cn-northwest-1 in the aws-cn partition). `--landscape` takes one of these names or a file.

export const builtInLandscapes = {
  demo: fileURLToPath(new URL("./demo-landscape.json", import.meta.url)),
  china: fileURLToPath(new URL("./china-landscape.json", import.meta.url)),
} as const;

export type BuiltInLandscape = keyof typeof builtInLandscapes;

/** The landscape file for a built-in name, or the argument itself as a path to a landscape file. */
export function landscapeFileFor(nameOrFile: string): string {
  return Object.hasOwn(builtInLandscapes, nameOrFile) ? builtInLandscapes[nameOrFile as BuiltInLandscape] : nameOrFile;
}
