// Partition facts derive from the region, never hard-coded: China regions live in `aws-cn` under amazonaws.com.cn.

export type PartitionName = "aws" | "aws-cn";

export function partitionOf(region: string): PartitionName {
  return region.startsWith("cn-") ? "aws-cn" : "aws";
}

export function dnsSuffixOf(region: string): string {
  return partitionOf(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

export function arn(region: string, service: string, accountId: string, resource: string, arnRegion = region): string {
  return `arn:${partitionOf(region)}:${service}:${arnRegion}:${accountId}:${resource}`;
}

/** The `{api}`-style service name prefix: `com.amazonaws` everywhere, `cn.com.amazonaws` in China. */
export function serviceNamePrefix(region: string): string {
  return partitionOf(region) === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws";
}
