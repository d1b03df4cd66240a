"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import styles from "./people.module.css";
import { ApiFailure, callApi } from "@/components/api-client";
import { DataTable } from "@/components/data-table";
import { FieldErrors } from "@/components/form-field";
import type { Person } from "@/lib/users/list-people";

type Team = { id: string; slug: string; name: string; kind: string };
type Failure = { message: string; fieldErrors: Record<string, string[]> } | null;

const failureOf = (error: unknown): Failure =>
  error instanceof ApiFailure
    ? { message: error.message, fieldErrors: error.fieldErrors }
    : { message: String(error), fieldErrors: {} };

/** Runs one change against the API, then re-reads the page; the server's answer is shown when it refuses. */
function useChange() {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure>(null);
  const [pending, setPending] = useState(false);
  async function run(url: string, method: string, body?: unknown): Promise<boolean> {
    setPending(true);
    setFailure(null);
    try {
      await callApi(url, { method, body });
      router.refresh();
      return true;
    } catch (error) {
      setFailure(failureOf(error));
      return false;
    } finally {
      setPending(false);
    }
  }
  return { run, failure, pending };
}

const grantableRoles = ["requester", "viewer", "admin"] as const;

export function PeopleManager({ people, teams, selfId }: { people: Person[]; teams: Team[]; selfId: string }) {
  const t = useTranslations("people");
  const roleWord = useTranslations("roles");
  const format = useFormatter();
  const noRole = roleWord("noRole");
  const change = useChange();
  return (
    <>
      {change.failure ? (
        <p className="alert" role="alert">
          {change.failure.message}
        </p>
      ) : null}
      <DataTable
        caption={t("caption")}
        columns={[t("columns.person"), t("columns.roles"), t("columns.grant"), t("columns.access")]}
      >
        {people.map((person) => (
          <tr key={person.id} aria-label={person.email}>
            <td>
              {person.name}
              {person.id === selfId ? ` ${t("you")}` : ""}
              <br />
              <small className="mono">{person.email}</small>
              <br />
              <small>
                {person.linkedToIdp ? t("linked") : t("notLinked")} ·{" "}
                {person.lastSignInAt
                  ? t("lastSignIn", { date: format.dateTime(new Date(person.lastSignInAt), "day") })
                  : t("neverSignedIn")}
              </small>
            </td>
            <td>
              {person.roles.length === 0 ? <em>{noRole}</em> : null}
              <ul className={styles.roles}>
                {person.roles.map((role) => (
                  <li key={role.id}>
                    {t("roleOf", { role: roleWord(role.role), team: role.teamName })}{" "}
                    <span className={styles.source}>
                      {role.source === "idp_group" ? t("sourceIdp", { group: role.idpGroup ?? "" }) : t("sourceAdmin")}
                    </span>{" "}
                    {role.source === "admin" ? (
                      <button
                        type="button"
                        className="button"
                        disabled={change.pending}
                        aria-label={t("revokeLabel", {
                          role: roleWord(role.role),
                          team: role.teamName,
                          email: person.email,
                        })}
                        onClick={() => void change.run(`/api/users/${person.id}/roles/${role.id}`, "DELETE")}
                      >
                        {t("revoke")}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <GrantRoleForm person={person} teams={teams} />
            </td>
            <td>
              {person.disabled ? <strong>{t("disabled")}</strong> : t("active")}{" "}
              <button
                type="button"
                className="button"
                disabled={change.pending}
                aria-label={
                  person.disabled
                    ? t("enableLabel", { email: person.email })
                    : t("disableLabel", { email: person.email })
                }
                onClick={() => {
                  const question = t("disableConfirm", { email: person.email });
                  if (person.disabled || window.confirm(question))
                    void change.run(`/api/users/${person.id}`, "PATCH", { disabled: !person.disabled });
                }}
              >
                {person.disabled ? t("enable") : t("disable")}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <CreateTeamForm />
    </>
  );
}

function GrantRoleForm({ person, teams }: { person: Person; teams: Team[] }) {
  const t = useTranslations("people");
  const roleWord = useTranslations("roles");
  const change = useChange();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void change.run(`/api/users/${person.id}/roles`, "POST", { teamId: form.get("teamId"), role: form.get("role") });
  }
  return (
    <form className={styles.inline} onSubmit={submit} aria-label={t("grantLabel", { email: person.email })}>
      <select name="role" aria-label={t("role")} defaultValue="requester">
        {grantableRoles.map((role) => (
          <option key={role} value={role}>
            {roleWord(role)}
          </option>
        ))}
      </select>
      <select name="teamId" aria-label={t("team")} defaultValue="">
        <option value="" disabled>
          {t("chooseTeam")}
        </option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={change.pending}>
        {t("grant")}
      </button>
      <FieldErrors
        errors={[...(change.failure?.fieldErrors.teamId ?? []), ...(change.failure?.fieldErrors.role ?? [])]}
      />
      {change.failure && Object.keys(change.failure.fieldErrors).length === 0 ? (
        <span role="alert" className={styles.error}>
          {change.failure.message}
        </span>
      ) : null}
    </form>
  );
}

const teamKinds = ["application", "platform"] as const;

function CreateTeamForm() {
  const t = useTranslations("people");
  const change = useChange();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const created = await change.run("/api/teams", "POST", {
      slug: form.get("slug"),
      name: form.get("name"),
      kind: form.get("kind"),
    });
    if (created) element.reset();
  }
  const errors = change.failure?.fieldErrors ?? {};
  return (
    <form
      className={`card ${styles.form}`}
      onSubmit={(event) => void submit(event)}
      aria-labelledby="new-team"
      noValidate
    >
      <h2 id="new-team">{t("newTeam")}</h2>
      <label>
        {t("slug")}
        <input
          name="slug"
          aria-invalid={Boolean(errors.slug)}
          aria-describedby="team-slug-errors"
          placeholder={t("slugPlaceholder")}
        />
      </label>
      <FieldErrors id="team-slug-errors" errors={errors.slug} />
      <label>
        {t("name")}
        <input name="name" aria-invalid={Boolean(errors.name)} aria-describedby="team-name-errors" />
      </label>
      <FieldErrors id="team-name-errors" errors={errors.name} />
      <label>
        {t("kind")}
        <select name="kind" defaultValue="application">
          {teamKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {change.failure && Object.keys(errors).length === 0 ? (
        <p className="alert" role="alert">
          {change.failure.message}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={change.pending}>
        {t("createTeam")}
      </button>
    </form>
  );
}
