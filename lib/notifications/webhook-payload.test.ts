import { describe, expect, it } from "vitest";
import { buildWebhookPayload } from "./webhook-payload";

const subject = {
  id: "req1",
  apiName: "orders",
  stageName: "prod",
  scenario: "cross_account_nlb" as const,
  teamName: "Payments",
};

describe("webhook payloads", () => {
  it("carry Slack's text with a link to the request, and the structured event", () => {
    const payload = buildWebhookPayload(
      "request.rejected",
      subject,
      { actor: "ada@x", comment: "wrong port" },
      { portalUrl: "https://gh.example", now: new Date("2026-01-01T00:00:00Z") },
    );
    expect(payload).toMatchObject({
      event: "request.rejected",
      occurredAt: "2026-01-01T00:00:00.000Z",
      actor: "ada@x",
      comment: "wrong port",
      request: { id: "req1", apiName: "orders", url: "https://gh.example/requests/req1" },
    });
    expect(payload.text).toBe(
      "Gatehouse: orders (prod, Payments) rejected by ada@x: wrong port <https://gh.example/requests/req1|open>",
    );
  });

  it("never lets user text become a Slack link or mention", () => {
    const payload = buildWebhookPayload(
      "request.rejected",
      subject,
      { comment: "<!channel> see <http://evil|here> & more" },
      {},
    );
    expect(payload.text).not.toMatch(/<!channel>|<http/);
    expect(payload.text).toContain("&lt;!channel&gt;");
    expect(payload.request.url).toBeNull();
  });
});
