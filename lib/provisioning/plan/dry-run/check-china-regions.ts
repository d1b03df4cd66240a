import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import { partitionForRegion } from "@/lib/aws/partition";

// What differs in the China regions for the chain Gatehouse builds. AWS China's API Gateway processes API requests
// without authentication only when the API owner's account is associated with a valid ICP filing (备案), and a filing
// for the Beijing region may have to be made again for Ningxia ("Getting Started with Amazon Web Services in China",
// Amazon API Gateway: https://docs.amazonaws.cn/en_us/aws/latest/userguide/api-gateway.html). Gatehouse's methods
// use no authorization by default (authorizationType NONE: the resource policy and the hub's endpoint are the gate), so
// the hub account needs the filing. The way around it is IAM authorization (AWS_IAM) on the methods, which the owning
// team can switch on once the API is active (lib/access/set-api-authorization.ts): the dry run names both.

export function checkChinaApiGateway(checks: CheckList, hub: Hub): void {
  if (partitionForRegion(hub.region) !== "aws-cn") return;
  checks.add(
    "apiGateway.icpFiling",
    "warning",
    { key: "dryRun.china.icpFiling", values: { region: hub.region, accountId: hub.accountId } },
    { key: "dryRun.china.icpFilingFix", values: { region: hub.region, accountId: hub.accountId } },
  );
}
