import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PeopleManager } from "./people-manager";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { isOidcConfigured, env } from "@/lib/env";
import { listPeople } from "@/lib/users/list-people";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("title") };
}

export default async function PeoplePage() {
  const admin = await pageAdmin();
  const [people, teams, t] = await Promise.all([
    listPeople(db()),
    db().team.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, kind: true } }),
    getTranslations("people"),
  ]);
  const intro = t.rich("intro", {
    strong: (chunks) => <strong>{chunks}</strong>,
    code: (chunks) => <code>{chunks}</code>,
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {intro}
        {isOidcConfigured(env()) ? null : ` ${t("noIdp")}`}
      </p>
      <PeopleManager people={people} teams={teams} selfId={admin.id} />
    </>
  );
}
