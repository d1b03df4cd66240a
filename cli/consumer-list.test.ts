import { describe, expect, it } from "vitest";
import { nextConsumerList } from "./consumer-list.ts";

const none = { add: [], remove: [], apply: false };

describe("nextConsumerList", () => {
  it("only reads without options", () => {
    expect(nextConsumerList(["vpce-1"], none)).toBeUndefined();
  });

  it("adds and removes on the current list, case-insensitively for removal, without duplicates", () => {
    expect(
      nextConsumerList(["vpce-aa", "vpce-bb"], { ...none, add: ["vpce-cc", "vpce-aa"], remove: ["VPCE-BB"] }),
    ).toEqual(["vpce-aa", "vpce-cc"]);
  });

  it("replaces the list with --set, and empties it with an empty --set", () => {
    expect(nextConsumerList(["vpce-aa"], { ...none, set: ["vpce-bb", " vpce-bb"] })).toEqual(["vpce-bb"]);
    expect(nextConsumerList(["vpce-aa"], { ...none, set: [] })).toEqual([]);
  });

  it("sends the current list again with --apply alone", () => {
    expect(nextConsumerList(["vpce-aa"], { ...none, apply: true })).toEqual(["vpce-aa"]);
  });
});
