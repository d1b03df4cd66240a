import { describe, expect, it } from "vitest";
import {
  approvalsStillNeeded,
  curlExample,
  endpointInvokeUrl,
  mayRequestAccessFor,
  mayRevoke,
  refusalToDecide,
  signedCurlExample,
} from "./access-rules";
import type { CurrentUser, UserMembership } from "@/lib/auth/permissions";
import { translate } from "@/lib/i18n/translate";

const member = (
  teamId: string,
  role: UserMembership["role"],
  teamKind: UserMembership["teamKind"] = "application",
) => ({
  teamId,
  teamSlug: teamId,
  teamName: teamId,
  teamKind,
  role,
});
const user = (id: string, ...memberships: UserMembership[]): CurrentUser => ({
  id,
  email: `${id}@x`,
  name: id,
  memberships,
});

const owner = user("paul", member("payments", "requester"));
const ownerViewer = user("tara", member("payments", "viewer"));
const consumer = user("lena", member("logistics", "requester"));
const admin = user("ada", member("platform", "admin", "platform"));
const askedByLena = { requestedById: "lena", consumerTeamId: "logistics" };

describe("who may ask, decide and revoke", () => {
  it("lets a requester of a team ask on its behalf, not a viewer or another team", () => {
    expect(mayRequestAccessFor(consumer, "logistics")).toBe(true);
    expect(mayRequestAccessFor(owner, "logistics")).toBe(false);
    expect(mayRequestAccessFor(user("vic", member("logistics", "viewer")), "logistics")).toBe(false);
  });

  it("lets the owning team's requesters and platform admins decide, never the asker", () => {
    expect(refusalToDecide(owner, askedByLena, "payments")).toBeNull();
    expect(refusalToDecide(admin, askedByLena, "payments")).toBeNull();
    const refusal = (decider: CurrentUser) => {
      const reason = refusalToDecide(decider, askedByLena, "payments");
      return reason && translate(reason, "en");
    };
    expect(refusal(ownerViewer)).toMatch(/Only a requester of the team that owns/);
    expect(refusal(consumer)).toMatch(/Only a requester/);
    const bothTeams = user("lena", member("logistics", "requester"), member("payments", "requester"));
    expect(refusal(bothTeams)).toBe("You asked for this access; someone else must decide on it.");
  });

  it("lets either side or an admin revoke, nobody else", () => {
    expect([owner, consumer, admin].map((who) => mayRevoke(who, askedByLena, "payments"))).toEqual([true, true, true]);
    expect(mayRevoke(ownerViewer, askedByLena, "payments")).toBe(false);
    expect(mayRevoke(user("sam", member("sales", "requester")), askedByLena, "payments")).toBe(false);
  });
});

describe("approvals a grant still needs", () => {
  const none = { ownerApprovedById: null, adminApprovedById: null };
  it("needs the owning team, for which a platform admin may stand in", () => {
    expect(approvalsStillNeeded({ ...none, ownerRegistered: true })).toEqual(["owner"]);
    expect(approvalsStillNeeded({ ...none, ownerApprovedById: "paul", ownerRegistered: true })).toEqual([]);
    expect(approvalsStillNeeded({ ...none, adminApprovedById: "ada", ownerRegistered: true })).toEqual([]);
  });

  it("also needs a platform admin for an endpoint no registered account owns", () => {
    expect(approvalsStillNeeded({ ...none, ownerRegistered: false })).toEqual(["owner", "platform admin"]);
    expect(approvalsStillNeeded({ ...none, ownerApprovedById: "paul", ownerRegistered: false })).toEqual([
      "platform admin",
    ]);
    expect(approvalsStillNeeded({ ...none, adminApprovedById: "ada", ownerRegistered: false })).toEqual([]);
  });
});

describe("the consumer's invoke URL", () => {
  it("names the API and the endpoint in the partition's DNS suffix", () => {
    const input = { restApiId: "a1b2c3d4e5", vpcEndpointId: "vpce-0abc", stageName: "prod" };
    expect(endpointInvokeUrl({ ...input, region: "eu-west-1" })).toBe(
      "https://a1b2c3d4e5-vpce-0abc.execute-api.eu-west-1.amazonaws.com/prod",
    );
    expect(endpointInvokeUrl({ ...input, region: "cn-north-1" })).toBe(
      "https://a1b2c3d4e5-vpce-0abc.execute-api.cn-north-1.amazonaws.com.cn/prod",
    );
    expect(curlExample("https://x/prod")).toBe("curl -sS 'https://x/prod/'");
  });
});

describe("the signed call for an AWS_IAM API", () => {
  it("signs with curl's own SigV4 for execute-api in the API's region", () => {
    expect(signedCurlExample("https://x/prod", "eu-west-1")).toBe(
      [
        "curl -sS --aws-sigv4 'aws:amz:eu-west-1:execute-api'",
        '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"',
        '-H "x-amz-security-token: $AWS_SESSION_TOKEN"',
        "'https://x/prod/'",
      ].join(" \\\n  "),
    );
  });
});
