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

  it("writes the text in Chinese when notifications are configured in zh-CN, and keeps every field an identifier", () => {
    const context = { actor: "ada@x", comment: "端口不对" };
    const options = { portalUrl: "https://gh.example", now: new Date("2026-01-01T00:00:00Z") };
    const english = buildWebhookPayload("request.rejected", subject, context, options);
    const chinese = buildWebhookPayload("request.rejected", subject, context, { ...options, locale: "zh-CN" });
    expect(chinese.text).toBe(
      "Gatehouse 通知：orders (prod, Payments) 已被拒绝（操作人：ada@x），备注：端口不对 <https://gh.example/requests/req1|打开>",
    );
    expect({ ...chinese, text: undefined }).toEqual({ ...english, text: undefined });
    expect(chinese.event).toBe("request.rejected");
  });

  it("says a failed run's error as AWS wrote it inside the Chinese text", () => {
    const payload = buildWebhookPayload(
      "request.failed",
      subject,
      { error: "AccessDeniedException: User is not authorized to perform: apigateway:POST" },
      { locale: "zh-CN" },
    );
    expect(payload.text).toBe(
      "Gatehouse 通知：orders (prod, Payments) 失败，错误：AccessDeniedException: User is not authorized to perform: apigateway:POST",
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
