// The simulator answers with the same partition facts the portal relies on: one definition, in lib/aws.
import { partitionForRegion } from "../../lib/aws/partition";

export {
  awsServiceNamePrefix as serviceNamePrefix,
  dnsSuffixForRegion as dnsSuffixOf,
  partitionForRegion as partitionOf,
  type Partition as PartitionName,
} from "../../lib/aws/partition";

export function arn(region: string, service: string, accountId: string, resource: string, arnRegion = region): string {
  return `arn:${partitionForRegion(region)}:${service}:${arnRegion}:${accountId}:${resource}`;
}
