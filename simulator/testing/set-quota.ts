import type { RunningSimulator } from "../server";

const serviceOf: Record<string, string> = {
  "L-69A177A2": "elasticloadbalancing",
  "L-A4C7274F": "apigateway",
  "L-608BDCD4": "apigateway",
  "L-8B81B02C": "apigateway",
};

/**
 * Sets an account's applied quota value through the simulator's control API: a test lowers one to reach the limit, a
 * benchmark raises one as a platform team would ask AWS to (the adjustable quotas).
 */
export async function setQuota(
  sim: { url: string } | RunningSimulator,
  input: { accountId: string; region: string; quota: string; value: number },
): Promise<void> {
  const response = await fetch(`${sim.url}/_sim/quotas`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      accountId: input.accountId,
      region: input.region,
      serviceCode: serviceOf[input.quota],
      quotaCode: input.quota,
      value: input.value,
    }),
  });
  if (!response.ok) throw new Error(`setting ${input.quota} failed: ${await response.text()}`);
}
