// Partition facts derived from the region. Gatehouse never hard-codes `arn:aws:` or `amazonaws.com`: China regions
// live in the `aws-cn` partition under `amazonaws.com.cn`, and their AWS service names start `cn.com.amazonaws`.

export type Partition = "aws" | "aws-cn";

export function partitionForRegion(region: string): Partition {
  return region.startsWith("cn-") ? "aws-cn" : "aws";
}

export function dnsSuffixForRegion(region: string): string {
  return partitionForRegion(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/** The prefix of AWS service names for endpoints: `com.amazonaws`, or `cn.com.amazonaws` in China. */
export function awsServiceNamePrefix(region: string): string {
  return partitionForRegion(region) === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws";
}

/** The interface-endpoint service name of execute-api: `com.amazonaws.<region>.execute-api`. */
export function executeApiServiceName(region: string): string {
  return `${awsServiceNamePrefix(region)}.${region}.execute-api`;
}

/** The principal that stands for a whole account in resource policies and endpoint-service permissions. */
export function accountRootArn(region: string, accountId: string): string {
  return `arn:${partitionForRegion(region)}:iam::${accountId}:root`;
}
