import { useTranslations } from "next-intl";
import Link from "next/link";

export default function NotFound() {
  const t = useTranslations("errorPages");
  return (
    <main className="signin">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <Link href="/requests">{t("backToRequests")}</Link>
    </main>
  );
}
