import { useTranslations } from "next-intl";

/**
 * A request's, run's, step's, grant's or check's status in the page's language ("succeeded", "成功"); a status the
 * catalogue lacks stays as it is. Works in client and (non-async) server components alike.
 */
export function useStatusWord(): (status: string) => string {
  const t = useTranslations("status");
  return (status) => {
    const key = status as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : status;
  };
}
