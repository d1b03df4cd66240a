import type { AccountKind } from "./account-schemas";
import { rolePolicyDocument } from "./role-policy";
import { dnsSuffixForRegion, type Partition } from "@/lib/aws/partition";

// The CloudFormation template of the role an admin creates in a registered account: it trusts only the portal's
// identity, and only with this account's ExternalId, and grants the least-privilege policy of the account kind.

export type RoleTemplateInput = {
  accountId: string;
  alias: string;
  kind: AccountKind;
  partition: Partition;
  regions: readonly string[];
  roleName: string;
  externalId: string;
  portalPrincipalArn: string;
};

export function roleTemplate(input: RoleTemplateInput) {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Gatehouse cross-account role for ${input.kind} account ${input.alias} (${input.accountId}).`,
    Parameters: {
      // Pinned to the registered values: a stack with any other name or ExternalId would not match Gatehouse's record.
      RoleName: { Type: "String", Default: input.roleName, AllowedValues: [input.roleName] },
      ExternalId: { Type: "String", Default: input.externalId, AllowedValues: [input.externalId] },
    },
    Resources: {
      GatehouseRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: { Ref: "RoleName" },
          Description: "Assumed by the Gatehouse portal to build and verify private API link chains.",
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: input.portalPrincipalArn },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } },
              },
            ],
          },
          Policies: [
            {
              PolicyName: `gatehouse-${input.kind}`,
              PolicyDocument: rolePolicyDocument(input.kind, input),
            },
          ],
          Tags: [{ Key: "gatehouse:managed", Value: "true" }],
        },
      },
    },
    Outputs: { RoleArn: { Value: { "Fn::GetAtt": ["GatehouseRole", "Arn"] } } },
  };
}

export function roleTemplateFileName(account: { alias: string }): string {
  return `gatehouse-role-${account.alias}.json`;
}

export function roleStackName(account: { alias: string }): string {
  return `gatehouse-role-${account.alias}`;
}

function consoleHome(partition: Partition, region: string): string {
  const host = partition === "aws-cn" ? "console.amazonaws.cn" : "console.aws.amazon.com";
  return `https://${host}/cloudformation/home?region=${encodeURIComponent(region)}`;
}

/** What a template's S3 object URL looks like in the region's partition (`amazonaws.com.cn` in China). */
export function exampleTemplateUrl(region: string): string {
  return `https://my-bucket.s3.${region}.${dnsSuffixForRegion(region)}/gatehouse-role.json`;
}

/** The console's "create stack" page, where the downloaded template is uploaded. */
export function createStackUrl(partition: Partition, region: string): string {
  return `${consoleHome(partition, region)}#/stacks/create/template`;
}

/**
 * The console's one-click quick-create link. CloudFormation reads the template from `templateUrl` itself, so it must
 * be a URL the console can fetch (an S3 object URL): Gatehouse does not publish its templates.
 */
export function quickCreateUrl(input: {
  partition: Partition;
  region: string;
  templateUrl: string;
  alias: string;
  roleName: string;
  externalId: string;
}): string {
  const params = new URLSearchParams({
    templateURL: input.templateUrl,
    stackName: roleStackName(input),
    param_RoleName: input.roleName,
    param_ExternalId: input.externalId,
  });
  return `${consoleHome(input.partition, input.region)}#/stacks/quickcreate?${params.toString()}`;
}
