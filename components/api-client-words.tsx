"use client";

import { useTranslations } from "next-intl";
import { describeBareAnswerWith } from "./api-client";

/** Rendered once in the root layout: the API client's own words (an answer without a message) in the page's language. */
export function ApiClientWords(): null {
  const t = useTranslations("errors");
  describeBareAnswerWith((status) => t("serverAnswered", { status }));
  return null;
}
