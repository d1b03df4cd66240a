import type { Formats } from "next-intl";

// Named formats, so every page writes a date or a number the same way in each language. Times are shown in UTC (the
// audit log filters whole UTC days, and the server and the browser must render the same text).

export const formats = {
  dateTime: {
    /** "Dec 5, 2026, 9:40 PM" / "2026年12月5日 21:40" */
    minute: { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" },
    /** with seconds, for runs and audit events */
    second: { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" },
    day: { dateStyle: "medium", timeZone: "UTC" },
  },
} satisfies Formats;

export const timeZone = "UTC";
