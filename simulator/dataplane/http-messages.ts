import type { IncomingMessage } from "node:http";

/** An incoming HTTP message read whole: headers flattened to strings, body as UTF-8. */
export function readMessage(message: IncomingMessage): Promise<{ headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on("data", (chunk: Buffer) => chunks.push(chunk));
    message.on("error", reject);
    message.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(message.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(",") : (value ?? ""),
        ]),
      );
      resolve({ headers, body: Buffer.concat(chunks).toString("utf8") });
    });
  });
}
