import type { Metadata } from "next";
import { PeopleManager } from "./people-manager";
import { pageAdmin } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { isOidcConfigured, env } from "@/lib/env";
import { listPeople } from "@/lib/users/list-people";

export const metadata: Metadata = { title: "People and teams" };

export default async function PeoplePage() {
  const admin = await pageAdmin();
  const [people, teams] = await Promise.all([
    listPeople(db()),
    db().team.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, kind: true } }),
  ]);
  return (
    <>
      <h1>People and teams</h1>
      <p>
        Roles marked <strong>IdP group</strong> follow your identity provider (<code>AUTH_OIDC_GROUP_ROLES</code>): they
        are recomputed at each sign-in, so change them in the IdP. Roles marked <strong>admin</strong> were granted here
        and stay until an admin revokes them. Disabling someone, or revoking their last role, ends their sessions and
        API tokens at once.
        {isOidcConfigured(env())
          ? null
          : " This portal has no identity provider configured: every role is granted here."}
      </p>
      <PeopleManager people={people} teams={teams} selfId={admin.id} />
    </>
  );
}
