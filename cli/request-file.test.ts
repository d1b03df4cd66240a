import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRequestFile } from "./request-file.ts";

const directory = mkdtempSync(join(tmpdir(), "gatehouse-request-file-"));
const file = (name: string, text: string) => {
  writeFileSync(join(directory, name), text);
  return join(directory, name);
};

describe("readRequestFile", () => {
  it("reads YAML and JSON into the same fields", async () => {
    const fields = { scenario: "remote_network", remoteIps: ["10.50.12.34"], port: 8080 };
    expect(
      await readRequestFile(file("r.yaml", 'scenario: remote_network\nremoteIps: ["10.50.12.34"]\nport: 8080\n')),
    ).toEqual(fields);
    expect(await readRequestFile(file("r.json", JSON.stringify(fields)))).toEqual(fields);
  });

  it.each([
    ["r.txt", "scenario: x", "name a .json, .yaml or .yml file"],
    ["broken.json", "{", "not valid JSON"],
    ["broken.yaml", "a: [1", "not valid YAML"],
    ["list.yaml", "- a\n- b\n", "as a mapping"],
  ])("refuses %s, saying why", async (name, text, message) => {
    await expect(readRequestFile(file(name, text))).rejects.toThrow(message);
  });

  it("names a file it cannot read", async () => {
    await expect(readRequestFile(join(directory, "missing.yaml"))).rejects.toThrow(
      /missing\.yaml: cannot read it \(ENOENT\)/,
    );
  });
});
