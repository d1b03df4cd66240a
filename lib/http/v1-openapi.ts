import { z } from "zod";
import { tokenScopeDescriptions } from "@/lib/api-tokens/token-scopes";
import { v1Operations, type V1Operation } from "./v1-operations";
import { maxBodyBytes } from "./request-body";

// The OpenAPI 3.1 document of /api/v1, generated from the operations table and their zod schemas (JSON Schema
// 2020-12, which OpenAPI 3.1 uses as is). Bodies and queries are described as the client sends them (zod input).

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });

const errorSchema = {
  type: "object",
  required: ["code", "message"],
  properties: {
    code: {
      type: "string",
      enum: [
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "NOT_FOUND",
        "CONFLICT",
        "VALIDATION_FAILED",
        "RATE_LIMITED",
        "UNAVAILABLE",
        "INTERNAL",
      ],
    },
    message: { type: "string" },
    fieldErrors: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
      description: "Per field (dotted path), what is wrong with it.",
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function queryParameters(schema: z.ZodType) {
  const { properties = {} } = jsonSchema(schema) as { properties?: Record<string, object> };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

function operationObject(key: string, operation: V1Operation) {
  const path = key.split(" ")[1] ?? "";
  const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const scopeNote =
    operation.scope === "session"
      ? "Browser session only; tokens are refused."
      : `Token scope: \`${operation.scope}\`.`;
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, "_").replace(/_$/, ""),
    tags: [operation.tag],
    summary: operation.summary,
    description: `${scopeNote}${operation.admin ? " Platform admins only." : ""}`,
    security: operation.scope === "session" ? [{ session: [] }] : [{ bearerToken: [operation.scope] }, { session: [] }],
    parameters: [...pathParameters, ...(operation.query ? queryParameters(operation.query) : [])],
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body) } } } }
      : {}),
    responses: {
      [String(operation.status ?? 200)]: {
        description: "Success",
        content: Object.fromEntries(
          (operation.responseTypes ?? ["application/json"]).map((type) => [
            type,
            { schema: successSchemas[key] ?? { type: "object" } },
          ]),
        ),
      },
      "401": errorResponse(
        "No valid session or token: missing, malformed, expired, revoked, idle (its owner has not signed in through " +
          "the IdP for GATEHOUSE_TOKEN_IDLE_DAYS), or its owner is disabled.",
      ),
      "403": errorResponse("Not allowed: the user's role, the token's scopes, or a cross-site mutation."),
      ...(pathParameters.length > 0 ? { "404": errorResponse("Not found, or not visible to the caller.") } : {}),
      ...(operation.body
        ? {
            "409": errorResponse("Conflicts with the current state."),
            "413": errorResponse(`The body is over ${maxBodyBytes / 1024} KiB.`),
            "422": errorResponse("Invalid input; fieldErrors names each field."),
          }
        : {}),
      ...(operation.rateLimit
        ? {
            "429": errorResponse(
              "Too many calls this minute; the Retry-After header says in how many seconds to try again.",
            ),
          }
        : {}),
    },
  };
}

// The answers whose fields a client needs to act on, documented field by field.
const successSchemas: Record<string, Record<string, unknown>> = {
  "GET /api/v1/tokens": {
    type: "object",
    required: ["tokens", "idleDays", "idleStopsAt"],
    properties: {
      tokens: { type: "array", items: { type: "object" }, description: "Your tokens, never their secrets." },
      idleDays: {
        type: "integer",
        description: "GATEHOUSE_TOKEN_IDLE_DAYS: every token of yours stops this many days after your last sign-in.",
      },
      idleStopsAt: {
        type: "string",
        format: "date-time",
        description:
          "When all your tokens stop (401) unless you sign in through the IdP again before it: your last sign-in " +
          "(or, never signed in, your account's creation) plus idleDays.",
      },
    },
  },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {
    "/api/v1/openapi.json": {
      get: {
        operationId: "GET_api_v1_openapi_json",
        tags: ["meta"],
        summary: "This document.",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1" } },
      },
    },
  };
  for (const [key, operation] of Object.entries(v1Operations) as [string, V1Operation][]) {
    const [method = "", path = ""] = key.split(" ");
    (paths[path] ??= {})[method.toLowerCase()] = operationObject(key, operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version: "1",
      description:
        "Automation for Gatehouse: requests, approvals, runs and accounts. Authenticate with a personal access token " +
        "(Settings → API tokens) as `Authorization: Bearer gh_pat_…`. A token acts as its user, limited to its scopes; the " +
        "user's roles apply exactly as in the portal. A token stops (401) when it expires or is revoked, when its user " +
        "is disabled, and when its user has not signed in through the IdP for GATEHOUSE_TOKEN_IDLE_DAYS (idle).",
    },
    servers: [{ url: serverUrl }],
    tags: ["requests", "approvals", "runs", "accounts", "tokens", "catalog", "meta"].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: `Personal access token. Scopes: ${Object.entries(tokenScopeDescriptions)
            .map(([scope, text]) => `\`${scope}\` ${text}`)
            .join("; ")}.`,
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The portal's browser session; mutations must come from the portal's origin.",
        },
      },
    },
  };
}
