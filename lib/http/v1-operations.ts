import type { z } from "zod";
import { createTokenSchema } from "@/lib/api-tokens/token-schemas";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { approvalFilterSchema } from "@/lib/approvals/approval-queue";
import { decisionSchema } from "@/lib/approvals/decision-schema";
import { backstageQuerySchema } from "@/lib/catalog/catalog-schemas";
import { consumerChangeDecisionSchema } from "@/lib/provisioning/consumers/decide-consumer-endpoint-change";
import { consumerEndpointListSchema } from "@/lib/provisioning/consumers/consumer-endpoints";
import type { RateLimitName } from "@/lib/rate-limits/rate-limit-rules";
import { requestFilterSchema, requestInputSchema } from "@/lib/requests/request-schemas";

// Every /api/v1 operation once: the route handlers take their scope, admin rule and schemas from here, and the
// OpenAPI document is generated from here, so the document cannot drift from what the routes enforce.

export type V1Operation = {
  tag: "requests" | "approvals" | "runs" | "accounts" | "tokens" | "catalog";
  summary: string;
  scope: TokenScope | "session";
  admin?: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The success status when it is not 200. */
  status?: 201;
  /** The media types of the success answer when it is not JSON only. */
  responseTypes?: string[];
  /** Operations that call AWS are counted per user (429 with Retry-After past the limit). */
  rateLimit?: RateLimitName;
};

export const v1Operations = {
  "GET /api/v1/me": {
    tag: "requests",
    summary:
      "Who the caller acts as: the user, whether a platform admin, and their teams with roles (a request names its team by teamId).",
    scope: "requests:read",
  },
  "GET /api/v1/requests": {
    tag: "requests",
    summary: "List the requests of your teams (every request for platform admins), newest first.",
    scope: "requests:read",
    query: requestFilterSchema,
  },
  "POST /api/v1/requests": {
    tag: "requests",
    summary:
      "Submit an exposure request for one of your teams. The dry run runs again; a blocker refuses it (422). Counted with the portal's previews per user (429 past the limit).",
    scope: "requests:write",
    body: requestInputSchema,
    status: 201,
    rateLimit: "previews",
  },
  "POST /api/v1/requests/preview": {
    tag: "requests",
    summary:
      "The dry run of a request body: the plan, its checks (a blocker would refuse the submission) and the resource policy. Nothing is stored or created.",
    scope: "requests:read",
    body: requestInputSchema,
  },
  "GET /api/v1/requests/{id}": {
    tag: "requests",
    summary: "One request: plan, decisions, runs with their steps, outputs.",
    scope: "requests:read",
  },
  "POST /api/v1/requests/{id}/withdraw": {
    tag: "requests",
    summary:
      "Withdraw a request still waiting for approval, or one whose failed run was rolled back (requesters of its team). 409 in any other state.",
    scope: "requests:write",
  },
  "POST /api/v1/requests/{id}/rerun": {
    tag: "requests",
    summary:
      "Run a request again after its failed run was rolled back: a new provision run on the hub as it is now; the approval stands (requesters of its team and platform admins). 409 in any other state.",
    scope: "requests:write",
  },
  "POST /api/v1/requests/{id}/decommission": {
    tag: "requests",
    summary:
      "Ask to tear down an active exposure (requesters of its team). A platform admin other than the asker approves it; the worker then removes the chain.",
    scope: "requests:write",
  },
  "POST /api/v1/requests/{id}/migrate": {
    tag: "requests",
    summary:
      "Ask to move an active exposure from its V1 VPC link to the hub's V2 link, live (requesters of its team, platform admins). A platform admin other than the asker approves it; the worker then repoints, deploys, verifies and deletes the V1 link.",
    scope: "requests:write",
  },
  "POST /api/v1/requests/{id}/verify": {
    tag: "requests",
    summary:
      "Re-read an active chain in AWS now and record the check: healthy, or the broken hop and why (platform admins).",
    scope: "requests:write",
    admin: true,
  },
  "GET /api/v1/requests/{id}/consumer-endpoints": {
    tag: "requests",
    summary:
      "The consumer VPC endpoints an exposure's resource policy allows besides the hub's, and whether the stage serves them yet (platform admins).",
    scope: "requests:read",
    admin: true,
  },
  "PUT /api/v1/requests/{id}/consumer-endpoints": {
    tag: "requests",
    summary:
      "Replace the consumer VPC endpoints of an active exposure (platform admins). The worker then updates the resource policy and redeploys the stage, only if the policy changes; PUT the same list to apply it again after a failure or drift. Adding an endpoint no registered account owns is not applied: it answers 202 with `pendingChange`, which a second platform admin approves or rejects.",
    scope: "requests:write",
    admin: true,
    body: consumerEndpointListSchema,
  },
  "POST /api/v1/requests/{id}/consumer-endpoints/changes/{changeId}": {
    tag: "approvals",
    summary:
      "Approve or reject a pending consumer-endpoint change (platform admins; never your own: 403). 409 when it is already decided, or when the list changed after it was proposed.",
    scope: "approvals:write",
    admin: true,
    body: consumerChangeDecisionSchema,
  },
  "GET /api/v1/approvals": {
    tag: "approvals",
    summary: "What waits for a decision, oldest first, with counts (platform admins).",
    scope: "approvals:read",
    admin: true,
    query: approvalFilterSchema,
  },
  "POST /api/v1/approvals/{id}": {
    tag: "approvals",
    summary:
      "Approve or reject a request, its decommission or its migration (platform admins; never your own request, nor a change you asked for).",
    scope: "approvals:write",
    admin: true,
    body: decisionSchema,
  },
  "GET /api/v1/runs/{id}": {
    tag: "runs",
    summary: "A provisioning run with its steps (anyone who may see its request).",
    scope: "runs:read",
  },
  "GET /api/v1/accounts": {
    tag: "accounts",
    summary: "Every registered AWS account with its last verification (platform admins).",
    scope: "accounts:read",
    admin: true,
  },
  "GET /api/v1/accounts/{id}": {
    tag: "accounts",
    summary: "One registered AWS account (platform admins).",
    scope: "accounts:read",
    admin: true,
  },
  "GET /api/v1/catalog/backstage": {
    tag: "catalog",
    summary:
      "The API catalog as Backstage entities (kind API, spec.type openapi, owner group:default/<team slug>, the team's OpenAPI document as spec.definition): multi-document YAML for Backstage's URL reader, or `format=json` for `{ items }`. Every signed-in user's view: metadata only.",
    scope: "catalog:read",
    query: backstageQuerySchema,
    responseTypes: ["application/yaml", "application/json"],
  },
  "GET /api/v1/tokens": {
    tag: "tokens",
    summary: "Your personal access tokens (never their secrets). Browser session only.",
    scope: "session",
  },
  "POST /api/v1/tokens": {
    tag: "tokens",
    summary: "Create a personal access token; the secret is in this answer only. Browser session only.",
    scope: "session",
    body: createTokenSchema,
    status: 201,
  },
  "DELETE /api/v1/tokens/{id}": {
    tag: "tokens",
    summary: "Revoke one of your tokens at once. Browser session only.",
    scope: "session",
  },
} as const satisfies Record<string, V1Operation>;

export type V1OperationKey = keyof typeof v1Operations;
