import type { Integration } from "../model/apigateway";
import { configurationError, type Answer } from "./gateway-responses";

/** A MOCK integration answers from its default integration response (static headers and template). */
export function mockAnswer(integration: Integration): Answer {
  const responses = Object.values(integration.integrationResponses);
  const response = responses.find((candidate) => !candidate.selectionPattern) ?? responses[0];
  if (!response) throw configurationError("restApi.routes", "the MOCK integration has no integration response");
  const headers = Object.fromEntries(
    Object.entries(response.responseParameters)
      .filter(([name]) => name.startsWith("method.response.header."))
      .map(([name, value]) => [
        name.slice("method.response.header.".length).toLowerCase(),
        value.replace(/^'(.*)'$/, "$1"),
      ]),
  );
  const body = response.responseTemplates["application/json"] ?? "";
  return { status: Number(response.statusCode), headers: { "content-type": "application/json", ...headers }, body };
}
