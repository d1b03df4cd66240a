import { partitionForRegion } from "@/lib/aws/partition";

// Deep links into the AWS console for a node's resource. China regions live on their own console host.

export type ConsoleTarget =
  | { kind: "vpc"; vpcId: string }
  | { kind: "vpc-endpoint"; endpointId: string }
  | { kind: "endpoint-service"; serviceId: string }
  | { kind: "load-balancer"; arn: string }
  | { kind: "target-group"; arn: string }
  | { kind: "rest-api"; restApiId: string }
  | { kind: "vpc-link"; vpcLinkId: string }
  | { kind: "transit-gateways" };

export function consoleHost(region: string): string {
  return partitionForRegion(region) === "aws-cn"
    ? "https://console.amazonaws.cn"
    : `https://${region}.console.aws.amazon.com`;
}

export function consoleUrl(region: string, target: ConsoleTarget): string {
  const home = (service: string) => `${consoleHost(region)}/${service}/home?region=${region}`;
  switch (target.kind) {
    case "vpc":
      return `${home("vpcconsole")}#VpcDetails:VpcId=${target.vpcId}`;
    case "vpc-endpoint":
      return `${home("vpcconsole")}#EndpointDetails:vpcEndpointId=${target.endpointId}`;
    case "endpoint-service":
      return `${home("vpcconsole")}#EndpointServiceDetails:endpointServiceId=${target.serviceId}`;
    case "load-balancer":
      return `${home("ec2")}#LoadBalancer:loadBalancerArn=${encodeURIComponent(target.arn)}`;
    case "target-group":
      return `${home("ec2")}#TargetGroup:targetGroupArn=${encodeURIComponent(target.arn)}`;
    case "rest-api":
      return `${consoleHost(region)}/apigateway/main/apis/${target.restApiId}/resources?api=${target.restApiId}&region=${region}`;
    case "vpc-link":
      return `${consoleHost(region)}/apigateway/main/vpc-links/list?region=${region}&vpcLink=${target.vpcLinkId}`;
    case "transit-gateways":
      return `${home("vpcconsole")}#TransitGateways:`;
  }
}
