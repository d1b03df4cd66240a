import { parseArgs } from "node:util";
import { startSimulator } from "./server";

// `npm run sim`: the AWS simulator on loopback, for the portal, its demo and ad-hoc SDK calls.
const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.GATEHOUSE_SIM_PORT ?? "4566" },
    profile: { type: "string", default: process.env.GATEHOUSE_SIM_PROFILE ?? "demo" },
    state: { type: "string" },
    /** `demo` (eu-west-1), `china` (cn-north-1 and cn-northwest-1, aws-cn) or a landscape file. */
    landscape: { type: "string", default: "demo" },
    seed: { type: "string", default: "1" },
    "fault-rate": { type: "string", default: "0" },
    "consistency-delay-ms": { type: "string", default: "0" },
    quiet: { type: "boolean", default: false },
  },
});

const profile = values.profile;
if (profile !== "instant" && profile !== "demo" && profile !== "realistic") {
  console.error(`--profile must be instant, demo or realistic (got ${profile})`);
  process.exit(1);
}

const simulator = await startSimulator({
  port: Number(values.port),
  profile,
  stateFile: values.state,
  landscapeFile: values.landscape,
  seed: Number(values.seed),
  faultRate: Number(values["fault-rate"]),
  consistencyDelayMs: Number(values["consistency-delay-ms"]),
  log: values.quiet ? undefined : (line) => console.log(`[sim] ${line}`),
});
console.log(`AWS simulator (${profile}, ${values.landscape} landscape) at ${simulator.url}`);
console.log(
  `  AWS_ENDPOINT_URL=${simulator.url} AWS_ACCESS_KEY_ID=${simulator.portalCredentials.accessKeyId} AWS_SECRET_ACCESS_KEY=…`,
);
console.log(`  state: ${simulator.url}/_sim/state`);
console.log(
  `  private APIs (through the hub's execute-api endpoint): curl -H 'x-apigw-api-id: <api-id>' ${simulator.url}/<stage>/<path>`,
);

const stop = async () => {
  await simulator.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
