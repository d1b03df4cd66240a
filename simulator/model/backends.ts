// Backends are the real HTTP servers the simulator starts for the seeded services. A backend stands at a private
// IP:port inside an account's VPC or a remote network; the data plane forwards there when every hop is intact.

export type Backend = {
  name: string;
  /** Where it stands: a private IP and port reachable inside `network`. */
  ip: string;
  port: number;
  /** A VPC id, or the name of a remote network behind a transit gateway. */
  network: string;
  accountId?: string;
  /** The loopback port of the real server, assigned when the simulator starts (not persisted). */
  localPort?: number;
};
