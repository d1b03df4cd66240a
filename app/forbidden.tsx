import { useTranslations } from "next-intl";
import Link from "next/link";

export default function Forbidden() {
  const t = useTranslations("errorPages");
  return (
    <main className="signin">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <Link href="/requests">{t("backToRequests")}</Link>
    </main>
  );
}
