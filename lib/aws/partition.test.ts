import { describe, expect, it } from "vitest";
import { dnsSuffixForRegion, executeApiServiceName, partitionForRegion } from "./partition";

describe("partition facts", () => {
  it("places China regions in aws-cn with their own DNS suffix, and service prefix", () => {
    expect(partitionForRegion("cn-north-1")).toBe("aws-cn");
    expect(dnsSuffixForRegion("cn-northwest-1")).toBe("amazonaws.com.cn");
    expect(executeApiServiceName("cn-north-1")).toBe("cn.com.amazonaws.cn-north-1.execute-api");
  });

  it("uses the aws partition everywhere else", () => {
    expect(partitionForRegion("eu-west-1")).toBe("aws");
    expect(dnsSuffixForRegion("us-east-1")).toBe("amazonaws.com");
    expect(executeApiServiceName("eu-central-1")).toBe("com.amazonaws.eu-central-1.execute-api");
  });
});
