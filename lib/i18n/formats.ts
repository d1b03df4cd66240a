import type { Formats } from "next-intl";

// Named formats, so every page writes a date or a number the same way in each language. Times are shown in UTC (the
// audit log filters whole UTC days and the server renders the page), and say so.

export const formats = {
  dateTime: {
    /** 2026-12-05 21:40 UTC / 2026/12/05 21:40 UTC */
    minute: { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" },
    /** with seconds, for runs and audit events */
    second: { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" },
    day: { dateStyle: "medium", timeZone: "UTC" },
  },
  number: {
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;

export const timeZone = "UTC";
