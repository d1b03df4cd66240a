import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./command-line.ts";

const refusal = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    return { message: (error as Error).message, exitCode: (error as { exitCode?: number }).exitCode };
  }
  throw new Error(`${argv.join(" ")} was accepted`);
};

describe("parseCommandLine", () => {
  it("reads each command with its arguments", () => {
    expect(parseCommandLine(["plan", "--file", "request.yaml"])).toEqual({ name: "plan", file: "request.yaml" });
    expect(parseCommandLine(["submit", "--file", "r.json"])).toEqual({ name: "provision", file: "r.json" });
    expect(parseCommandLine(["approve", "c1"])).toEqual({ name: "approve", requestId: "c1" });
    expect(parseCommandLine(["reject", "c1", "--comment", "Use the shared NLB."])).toEqual({
      name: "reject",
      requestId: "c1",
      comment: "Use the shared NLB.",
    });
    expect(parseCommandLine(["status", "c1", "--wait", "--timeout", "90"])).toEqual({
      name: "status",
      requestId: "c1",
      wait: true,
      timeoutSeconds: 90,
    });
    expect(parseCommandLine(["teardown", "c1"])).toEqual({ name: "teardown", requestId: "c1" });
    expect(parseCommandLine(["migrate", "c1"])).toEqual({ name: "migrate", requestId: "c1" });
    expect(parseCommandLine(["withdraw", "c1"])).toEqual({ name: "withdraw", requestId: "c1" });
    expect(parseCommandLine(["rerun", "c1"])).toEqual({ name: "rerun", requestId: "c1" });
    expect(parseCommandLine(["consumers", "c1", "--add", "vpce-1", "--add", "vpce-2", "--set", "a,,b"])).toEqual({
      name: "consumers",
      requestId: "c1",
      add: ["vpce-1", "vpce-2"],
      remove: [],
      set: ["a", "b"],
      apply: false,
    });
    expect(parseCommandLine(["consumers", "c1", "--approve"])).toMatchObject({ requestId: "c1", decision: "approved" });
    expect(parseCommandLine(["consumers", "c1", "--reject"])).toMatchObject({ requestId: "c1", decision: "rejected" });
    expect(parseCommandLine(["consumers", "c1"])).not.toHaveProperty("decision");
    expect(parseCommandLine(["whoami"])).toEqual({ name: "whoami" });
    expect(parseCommandLine(["--help"])).toEqual({ name: "help" });
    expect(parseCommandLine([])).toEqual({ name: "help" });
  });

  it("has no way to act as another user", () => {
    for (const flag of ["--as", "--approver"]) {
      const { message, exitCode } = refusal(["approve", "c1", flag, "ada.admin@gatehouse.demo"]);
      expect(exitCode).toBe(2);
      expect(message).toContain("acts as the owner of GATEHOUSE_TOKEN");
    }
  });

  it.each([
    [["plan"], "plan needs --file"],
    [["plan", "c1", "--file", "x.yaml"], "plan takes --file, not an id"],
    [["status"], "status needs a request id"],
    [["reject", "c1"], "reject needs --comment"],
    [["status", "c1", "--timeout", "soon"], "--timeout is a whole number"],
    [["status", "c1", "extra"], "Unexpected arguments: extra"],
    [["deploy", "c1"], "Unknown command deploy"],
    [["status", "c1", "--verbose"], "Unknown option '--verbose'"],
    [["consumers", "c1", "--approve", "--reject"], "--approve or --reject, not both"],
    [["consumers", "c1", "--approve", "--add", "vpce-1"], "decides the pending change"],
    [["consumers", "c1", "--reject", "--apply"], "decides the pending change"],
    [["consumers", "--approve"], "consumers needs a request id"],
    [["rerun"], "rerun needs a request id"],
  ])("refuses %j with a usage error (exit 2): %s", (argv, expected) => {
    const { message, exitCode } = refusal(argv);
    expect(exitCode).toBe(2);
    expect(message).toContain(expected);
    expect(message).toContain("npx gatehouse --help");
  });
});
