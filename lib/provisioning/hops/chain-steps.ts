// The hops of the link chain (DESIGN §3), named the same everywhere: code, UI, logs, tests, the simulator's data
// plane. Each step knows which account it acts in, what it waits for and which AWS calls it makes.

export const stepIds = [
  "endpointService.create",
  "endpointService.allowPlatform",
  "interfaceEndpoint.create",
  "interfaceEndpoint.accept",
  "interfaceEndpoint.awaitAvailable",
  "targetGroup.create",
  "loadBalancer.create",
  "listener.create",
  "targets.register",
  "loadBalancer.awaitActive",
  "vpcLink.create",
  "vpcLink.awaitAvailable",
  "restApi.create",
  "restApi.routes",
  "restApi.deploy",
  "chain.verify",
] as const;

export type StepId = (typeof stepIds)[number];

export type StepAccount = "application" | "platform";

export type StepDefinition = {
  account: StepAccount;
  title: string;
  /** The AWS calls the step makes, in order, as an approver reads them. */
  calls: string[];
  /** What the step leaves behind in AWS, if anything. */
  creates?: string;
};

export const stepDefinitions: Record<StepId, StepDefinition> = {
  "endpointService.create": {
    account: "application",
    title: "Endpoint service on the application NLB",
    calls: ["ec2:CreateVpcEndpointServiceConfiguration (acceptance required, ClientToken)"],
    creates: "VPC endpoint service",
  },
  "endpointService.allowPlatform": {
    account: "application",
    title: "Allow the platform account to connect",
    calls: ["ec2:ModifyVpcEndpointServicePermissions (AddAllowedPrincipals)"],
  },
  "interfaceEndpoint.create": {
    account: "platform",
    title: "Interface endpoint in the hub VPC",
    calls: ["ec2:DescribeVpcEndpointServices (allowed zones)", "ec2:CreateVpcEndpoint (Interface, ClientToken)"],
    creates: "interface VPC endpoint",
  },
  "interfaceEndpoint.accept": {
    account: "application",
    title: "Accept the endpoint connection",
    calls: ["ec2:DescribeVpcEndpointConnections", "ec2:AcceptVpcEndpointConnections"],
  },
  "interfaceEndpoint.awaitAvailable": {
    account: "platform",
    title: "Wait for the endpoint and read its IPs",
    calls: ["ec2:DescribeVpcEndpoints (until available)", "ec2:DescribeNetworkInterfaces"],
  },
  "targetGroup.create": {
    account: "platform",
    title: "IP target group",
    calls: ["elasticloadbalancing:CreateTargetGroup (TCP, ip)"],
    creates: "target group",
  },
  "loadBalancer.create": {
    account: "platform",
    title: "Internal NLB in the hub subnets",
    calls: ["elasticloadbalancing:CreateLoadBalancer (network, internal)"],
    creates: "network load balancer",
  },
  "listener.create": {
    account: "platform",
    title: "TCP listener to the target group",
    calls: ["elasticloadbalancing:CreateListener (TCP)"],
    creates: "listener",
  },
  "targets.register": {
    account: "platform",
    title: "Register the targets",
    calls: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets (stale)"],
  },
  "loadBalancer.awaitActive": {
    account: "platform",
    title: "Wait for the NLB to be active",
    calls: ["elasticloadbalancing:DescribeLoadBalancers (until active)"],
  },
  "vpcLink.create": {
    account: "platform",
    title: "VPC link",
    calls: ["apigateway:CreateVpcLink"],
    creates: "VPC link",
  },
  "vpcLink.awaitAvailable": {
    account: "platform",
    title: "Wait for the VPC link",
    calls: ["apigateway:GetVpcLink (until AVAILABLE)"],
  },
  "restApi.create": {
    account: "platform",
    title: "Private REST API with its resource policy",
    calls: ["apigateway:GetRestApis (by tag)", "apigateway:CreateRestApi (PRIVATE, policy)"],
    creates: "private REST API",
  },
  "restApi.routes": {
    account: "platform",
    title: "Routes and integrations",
    calls: ["apigateway:GetResources", "apigateway:CreateResource {proxy+}", "apigateway:PutMethod ANY", "apigateway:PutIntegration HTTP_PROXY via VPC link"],
  },
  "restApi.deploy": {
    account: "platform",
    title: "Deploy to the stage",
    calls: ["apigateway:CreateDeployment"],
    creates: "deployment and stage",
  },
  "chain.verify": {
    account: "platform",
    title: "Verify the chain end to end",
    calls: ["elasticloadbalancing:DescribeTargetHealth", "apigateway:TestInvokeMethod"],
  },
};
