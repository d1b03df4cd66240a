import { AwsError } from "../core/aws-error";
import { deniedMessage } from "../core/policy-evaluation";
import type { ServiceErrors } from "../core/service";

// How the awsJson1_1 services (Service Quotas) word their common errors.
export const awsJsonErrors: ServiceErrors = {
  unknownAccessKey: () =>
    new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 400),
  accessDenied: (callerArn, action, resource, explicitDeny) =>
    new AwsError("AccessDeniedException", deniedMessage(callerArn, action, resource, explicitDeny), 400),
  throttled: () => new AwsError("TooManyRequestsException", "Rate exceeded", 400),
  internal: () => new AwsError("ServiceException", "Something went wrong.", 500),
  unknownOperation: (name) => new AwsError("UnknownOperationException", `Unknown operation ${name}`, 400),
};
