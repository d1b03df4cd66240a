import { describe, expect, it } from "vitest";
import { auditEventCsvRow, csvCell, csvRow } from "./audit-csv";

describe("audit CSV", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes one line per event with its details as JSON", () => {
    const row = auditEventCsvRow({
      id: 7n,
      at: new Date("2026-01-02T03:04:05Z"),
      actorId: null,
      actorLabel: "token:ci",
      action: "request.submitted",
      targetType: "request",
      targetId: "r1",
      details: { apiName: "=cmd" },
    });
    expect(row).toBe('7,2026-01-02T03:04:05.000Z,token:ci,,request.submitted,request,r1,"{""apiName"":""=cmd""}"\r\n');
  });
});
