/** An error answered on the wire exactly as the AWS service would: its code, message and HTTP status. */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** awsQuery's <Type>: "Sender" for the caller's fault, "Receiver" for the service's. */
  readonly fault: "Sender" | "Receiver";
  /** Extra headers AWS sends with this error (e.g. Retry-After on throttling). */
  readonly headers: Record<string, string>;

  constructor(code: string, message: string, status = 400, options: { headers?: Record<string, string> } = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.fault = status >= 500 ? "Receiver" : "Sender";
    this.headers = options.headers ?? {};
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
