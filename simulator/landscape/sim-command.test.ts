import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { expect, it } from "vitest";
import { readLandscape } from "./apply-landscape";
import { builtInLandscapes } from "./built-in-landscapes";

// The README's command for the simulator with the China landscape, run by bash exactly as the README types it (on a
// free port through GATEHOUSE_SIM_PORT), then asked who the portal is: an aws-cn identity.

const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");

function readmeBlock(): string {
  const blocks = [
    ...readme.matchAll(
      /<!-- simulator\/landscape\/sim-command\.test\.ts runs this block as written -->\n```sh\n([\s\S]*?)```/g,
    ),
  ];
  expect(blocks, "one README block marked for simulator/landscape/sim-command.test.ts").toHaveLength(1);
  return blocks[0]![1]!;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

it("`npm run sim -- --landscape china` serves the China landscape, the portal an aws-cn identity", async () => {
  const port = await freePort();
  // Its own process group, so the test stops npm and the simulator under it together.
  const child = spawn("bash", ["-euo", "pipefail", "-c", readmeBlock()], {
    env: { ...process.env, GATEHOUSE_SIM_PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect
      .poll(() => output, { timeout: 60_000, interval: 200 })
      .toContain(`AWS simulator (demo, china landscape) at http://127.0.0.1:${port}`);
    const { portal } = readLandscape(builtInLandscapes.china);
    const sts = new STSClient({
      region: "cn-north-1",
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: portal.accessKeyId, secretAccessKey: portal.secretAccessKey },
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      "arn:aws-cn:sts::300000000001:assumed-role/gatehouse-portal/gatehouse",
    );
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    if (child.exitCode === null) await once(child, "exit");
  }
}, 90_000);
