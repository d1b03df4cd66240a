import type { AwsError } from "../core/aws-error";
import type { QueryService } from "../core/service";
import { childrenXml, escapeXml, type XmlValue } from "./xml";

// Response envelopes of the ec2 and awsQuery protocols, as the SDK's parsers expect them.

export type WireResponse = { status: number; headers: Record<string, string>; body: string };

const xmlHeaders = { "content-type": "text/xml;charset=UTF-8" };
const withRequestId = (headers: Record<string, string>, requestId: string) => ({
  ...headers,
  "x-amzn-requestid": requestId,
});
const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function querySuccess(
  service: QueryService,
  action: string,
  body: Record<string, XmlValue>,
  requestId: string,
): WireResponse {
  const headers = withRequestId(xmlHeaders, requestId);
  if (service.protocol === "ec2") {
    return {
      status: 200,
      headers,
      body: `${prolog}<${action}Response xmlns="${service.xmlNamespace}"><requestId>${requestId}</requestId>${childrenXml(body, "item")}</${action}Response>`,
    };
  }
  return {
    status: 200,
    headers,
    body:
      `${prolog}<${action}Response xmlns="${service.xmlNamespace}"><${action}Result>${childrenXml(body, "member")}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function queryError(service: QueryService, error: AwsError, requestId: string): WireResponse {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  const headers = { ...withRequestId(xmlHeaders, requestId), ...error.headers };
  if (service.protocol === "ec2") {
    return {
      status: error.status,
      headers,
      body: `${prolog}<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
    };
  }
  return {
    status: error.status,
    headers,
    body:
      `${prolog}<ErrorResponse xmlns="${service.xmlNamespace}"><Error><Type>${error.fault}</Type><Code>${code}</Code>` +
      `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
