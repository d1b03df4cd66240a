import { spawn, type ChildProcess } from "node:child_process";

// Child processes of the launcher, their output prefixed with their name, stopped together.

export type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on("data", prefix(process.stdout));
  child.stderr?.on("data", prefix(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, process: child, exited };
}

/** Runs a command to completion (e.g. the one-time build); rejects on a non-zero exit. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const code = await startChild(name, command, args, env).exited;
  if (code !== 0) throw new Error(`${name} failed with exit code ${String(code)}`);
}

/** SIGTERM, then SIGKILL after `graceMs` for whatever is still running. */
export async function stopChildren(children: readonly Child[], graceMs = 15_000): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.process.exitCode !== null || child.process.signalCode !== null) return;
      child.process.kill("SIGTERM");
      const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
      await child.exited;
      clearTimeout(timer);
    }),
  );
}
