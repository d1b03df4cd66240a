import type { RunningSimulator } from "@/simulator/server";

/** Points this process's AWS SDK (the portal's default credential chain) at the simulator, as `npm start` does. */
export function useSimulatorAsAws(sim: RunningSimulator): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: sim.url,
    AWS_ACCESS_KEY_ID: sim.portalCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sim.portalCredentials.secretAccessKey,
    AWS_REGION: "eu-west-1",
  });
}
