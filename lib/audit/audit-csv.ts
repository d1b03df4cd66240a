import type { AuditEvent } from "@/lib/generated/prisma/client";

// RFC 4180 CSV for spreadsheets. A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or
// carriage return that hides one) gets a leading apostrophe: the export is read by auditors in Excel, and the log holds
// text that users typed.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export const auditCsvHeader = csvRow([
  "id",
  "at",
  "actor",
  "actor_id",
  "action",
  "target_type",
  "target_id",
  "details",
]);

export function auditEventCsvRow(event: AuditEvent): string {
  return csvRow([
    event.id.toString(),
    event.at.toISOString(),
    event.actorLabel,
    event.actorId ?? "",
    event.action,
    event.targetType,
    event.targetId ?? "",
    JSON.stringify(event.details),
  ]);
}
