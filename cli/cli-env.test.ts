import { describe, expect, it } from "vitest";
import { readCliEnv } from "./cli-env.ts";

const token = `gh_pat_${"A".repeat(43)}`;

describe("readCliEnv", () => {
  it("accepts the portal's https URL (or http on loopback) and a personal access token", () => {
    expect(readCliEnv({ GATEHOUSE_URL: "https://gatehouse.example/", GATEHOUSE_TOKEN: token })).toEqual({
      env: { GATEHOUSE_URL: "https://gatehouse.example", GATEHOUSE_TOKEN: token },
    });
    expect(readCliEnv({ GATEHOUSE_URL: "http://localhost:3000", GATEHOUSE_TOKEN: token })).toMatchObject({
      env: { GATEHOUSE_URL: "http://localhost:3000" },
    });
    expect(readCliEnv({ GATEHOUSE_URL: "http://127.0.0.1:3000", GATEHOUSE_TOKEN: token })).toHaveProperty("env");
  });

  it("names every missing variable, an empty one counting as missing", () => {
    expect(readCliEnv({ GATEHOUSE_TOKEN: "" })).toEqual({
      problems: [
        expect.stringContaining("GATEHOUSE_URL is not set"),
        expect.stringContaining("GATEHOUSE_TOKEN is not set"),
      ],
    });
  });

  it.each([
    ["GATEHOUSE_URL", "gatehouse.example", "is not an http(s) URL"],
    ["GATEHOUSE_URL", "ftp://gatehouse.example", "is not an http(s) URL"],
    ["GATEHOUSE_URL", "http://gatehouse.example", "must use https"],
    ["GATEHOUSE_TOKEN", "hunter2", "is not a personal access token"],
  ])("refuses %s=%s", (name, value, message) => {
    const answer = readCliEnv({ GATEHOUSE_URL: "https://gatehouse.example", GATEHOUSE_TOKEN: token, [name]: value });
    expect(answer).toEqual({ problems: [expect.stringContaining(`${name} ${message}`)] });
  });
});
