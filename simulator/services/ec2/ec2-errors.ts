import { AwsError } from "../../core/aws-error";
import { deniedMessage } from "../../core/policy-evaluation";
import type { ServiceErrors } from "../../core/service";

export const ec2Errors: ServiceErrors = {
  unknownAccessKey: () =>
    new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
  accessDenied: (callerArn, action, resource, explicitDeny) =>
    new AwsError(
      "UnauthorizedOperation",
      `You are not authorized to perform this operation. ${deniedMessage(callerArn, action, resource, explicitDeny)}`,
      403,
    ),
  throttled: () => new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503),
  internal: () => new AwsError("InternalError", "An internal error has occurred", 500),
  unknownOperation: (name) =>
    new AwsError("InvalidAction", `The action ${name} is not valid for this web service.`, 400),
};

export const notFound = (code: string, what: string, id: string) =>
  new AwsError(code, `The ${what} '${id}' does not exist`, 400);

export const invalidParameter = (message: string) => new AwsError("InvalidParameter", message, 400);
export const invalidParameterValue = (message: string) => new AwsError("InvalidParameterValue", message, 400);
