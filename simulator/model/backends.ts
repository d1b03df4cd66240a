import type { ResourceBase } from "../core/world";

// Backends are real HTTP servers the simulator starts for the landscape's services. A backend stands at a private
// IP:port inside a VPC or a remote network; the data plane forwards there only when every hop is intact.
// Collection: "landscape.backend". The loopback port of the running server is runtime state
// (`SimulatorRuntime.backendPorts`), never persisted.

export type BackendAnswer = {
  status: number;
  /** Extra JSON fields of every answer, next to the service name and the echo of the request. */
  fields: Record<string, string>;
  /** Delay before answering, to show integration timeouts. */
  delayMs: number;
};

export type Backend = ResourceBase & {
  name: string;
  ip: string;
  port: number;
  /** The VPC id, or the name of a remote network behind a transit gateway. */
  network: string;
  answer: BackendAnswer;
};
