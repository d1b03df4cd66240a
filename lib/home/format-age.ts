import type { Translatable } from "@/lib/i18n/translatable";

// How long something has waited, in the largest unit that reads naturally ("under a minute", "12 min", "5 h",
// "3 days"), as a catalogue message the page puts into its own language.

export function ageMessage(since: Date, now: Date): Translatable {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return { key: "home.age.underMinute" };
  if (minutes < 60) return { key: "home.age.minutes", values: { minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: "home.age.hours", values: { hours } };
  return { key: "home.age.days", values: { days: Math.floor(hours / 24) } };
}
