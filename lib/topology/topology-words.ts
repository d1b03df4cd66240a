import type { Translatable } from "@/lib/i18n/translatable";

// The topology is drawn on the server for one reader: its titles, reasons and labels come out in that reader's
// language. The drawing functions stay pure: they are handed `Words`, and tests hand them the English ones.

/** Puts a catalogue message into the reader's language. */
export type Words = (message: Translatable) => string;
