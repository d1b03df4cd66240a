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

/**
 * The interface-endpoint service name of execute-api: `com.amazonaws.<region>.execute-api`, and in the China regions
 * `cn.com.amazonaws.cn-north-1.execute-api` / `cn.com.amazonaws.cn-northwest-1.execute-api`, as
 * `aws ec2 describe-vpc-endpoint-services --region cn-north-1` lists it (a published listing:
 * https://gist.github.com/readybuilderone/d355f9f8f0f2b66379a10742b3c67cc7, and the AWS CDK fix that adopted the
 * `cn.` prefix for China interface endpoints: https://github.com/aws/aws-cdk/pull/16139). Endpoint service names
 * of customers' own services keep `cn.com.amazonaws.vpce.<region>.vpce-svc-…`.
 */
export function executeApiServiceName(region: string): string {
  return `${awsServiceNamePrefix(region)}.${region}.execute-api`;
}

/** The principal that stands for a whole account in resource policies and endpoint-service permissions. */
export function accountRootArn(region: string, accountId: string): string {
  return `arn:${partitionForRegion(region)}:iam::${accountId}:root`;
}
