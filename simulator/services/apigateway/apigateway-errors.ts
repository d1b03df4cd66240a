import { AwsError } from "../../core/aws-error";
import { deniedMessage } from "../../core/policy-evaluation";
import type { ServiceErrors } from "../../core/service";

// API Gateway (v1 and v2) words its errors in `x-amzn-ErrorType` plus a JSON message.
export const apiGatewayErrors: ServiceErrors = {
  unknownAccessKey: () =>
    new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 403),
  accessDenied: (callerArn, action, resource, explicitDeny) =>
    new AwsError("AccessDeniedException", deniedMessage(callerArn, action, resource, explicitDeny), 403),
  throttled: () =>
    new AwsError("TooManyRequestsException", "Too Many Requests", 429, { headers: { "retry-after": "1" } }),
  internal: () => new AwsError("ServiceUnavailableException", "Service Unavailable", 503),
  unknownOperation: (name) => new AwsError("NotFoundException", `Invalid resource path ${name}`, 404),
};

export const notFound = (message: string) => new AwsError("NotFoundException", message, 404);
export const badRequest = (message: string) => new AwsError("BadRequestException", message, 400);
export const conflict = (message: string) => new AwsError("ConflictException", message, 409);
