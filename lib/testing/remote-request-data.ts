// The fields of a scenario-B request row for tests that need a request on a hub and nothing of its chain.

export const remoteRequestData = (owners: { teamId: string; requesterId: string; hubId: string }) => ({
  ...owners,
  scenario: "remote_network" as const,
  remoteNetworkName: "dc",
  remoteIps: ["10.0.0.1"],
  port: 443,
  apiName: "orders",
  stageName: "prod",
  justification: "test",
});
