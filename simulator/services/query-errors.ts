import { AwsError } from "../core/aws-error";
import { deniedMessage } from "../core/policy-evaluation";
import type { ServiceErrors } from "../core/service";

// How the awsQuery services (STS, ELBv2) word their common errors.
export function awsQueryErrors(options: { throttleCode: string }): ServiceErrors {
  return {
    unknownAccessKey: () =>
      new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
    accessDenied: (callerArn, action, resource, explicitDeny) =>
      new AwsError("AccessDenied", deniedMessage(callerArn, action, resource, explicitDeny), 403),
    throttled: () => new AwsError(options.throttleCode, "Rate exceeded", 400),
    internal: () =>
      new AwsError(
        "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.",
        500,
      ),
    unknownOperation: (name) => new AwsError("InvalidAction", `Could not find operation ${name} for version`, 400),
  };
}
