// API Gateway's answer when a call names an HTTP verb the resource does not define as a method. GetMethod looks the
// verb up exactly (https://docs.aws.amazon.com/apigateway/latest/api/API_GetMethod.html); whether TestInvokeMethod
// resolves GET to an ANY method is not documented (aws-chain-facts §11.0). The same verb will never succeed on a
// retry: it is not an eventual-consistency miss.

export const invalidMethodIdentifier = "Invalid Method identifier specified";

/** `NotFoundException: Invalid Method identifier specified`, and nothing else (a missing resource or API differs). */
export function isInvalidMethodIdentifier(error: unknown): boolean {
  return (
    error instanceof Error && error.name === "NotFoundException" && error.message.includes(invalidMethodIdentifier)
  );
}
