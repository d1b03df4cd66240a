"use client";

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

export function PeopleManager({ people, teams, selfId }: { people: Person[]; teams: Team[]; selfId: string }) {
  const change = useChange();
  return (
    <>
      {change.failure ? (
        <p className="alert" role="alert">
          {change.failure.message}
        </p>
      ) : null}
      <DataTable
        caption="People, their roles and where each role comes from"
        columns={["Person", "Roles", "Grant a role", "Access"]}
      >
        {people.map((person) => (
          <tr key={person.id} aria-label={person.email}>
            <td>
              {person.name}
              {person.id === selfId ? " (you)" : ""}
              <br />
              <small className="mono">{person.email}</small>
              <br />
              <small>
                {person.linkedToIdp ? "linked to the IdP" : "not linked to an IdP"} · last sign-in{" "}
                {person.lastSignInAt ? person.lastSignInAt.slice(0, 10) : "never"}
              </small>
            </td>
            <td>
              {person.roles.length === 0 ? <em>no role</em> : null}
              <ul className={styles.roles}>
                {person.roles.map((role) => (
                  <li key={role.id}>
                    {role.role} of {role.teamName}{" "}
                    <span className={styles.source}>
                      {role.source === "idp_group" ? `IdP group ${role.idpGroup ?? ""}` : "admin"}
                    </span>{" "}
                    {role.source === "admin" ? (
                      <button
                        type="button"
                        className="button"
                        disabled={change.pending}
                        aria-label={`Revoke ${role.role} of ${role.teamName} from ${person.email}`}
                        onClick={() => void change.run(`/api/users/${person.id}/roles/${role.id}`, "DELETE")}
                      >
                        Revoke
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
              {person.disabled ? <strong>disabled</strong> : "active"}{" "}
              <button
                type="button"
                className="button"
                disabled={change.pending}
                aria-label={`${person.disabled ? "Enable" : "Disable"} ${person.email}`}
                onClick={() => {
                  const question = `Disable ${person.email}? Their sessions and API tokens end at once.`;
                  if (person.disabled || window.confirm(question))
                    void change.run(`/api/users/${person.id}`, "PATCH", { disabled: !person.disabled });
                }}
              >
                {person.disabled ? "Enable" : "Disable"}
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
  const change = useChange();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void change.run(`/api/users/${person.id}/roles`, "POST", { teamId: form.get("teamId"), role: form.get("role") });
  }
  return (
    <form className={styles.inline} onSubmit={submit} aria-label={`Grant a role to ${person.email}`}>
      <select name="role" aria-label="Role" defaultValue="requester">
        <option value="requester">requester</option>
        <option value="viewer">viewer</option>
        <option value="admin">admin</option>
      </select>
      <select name="teamId" aria-label="Team" defaultValue="">
        <option value="" disabled>
          team…
        </option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={change.pending}>
        Grant
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

function CreateTeamForm() {
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
      <h2 id="new-team">New team</h2>
      <label>
        Slug (what AUTH_OIDC_GROUP_ROLES names)
        <input
          name="slug"
          aria-invalid={Boolean(errors.slug)}
          aria-describedby="team-slug-errors"
          placeholder="e.g. payments"
        />
      </label>
      <FieldErrors id="team-slug-errors" errors={errors.slug} />
      <label>
        Name
        <input name="name" aria-invalid={Boolean(errors.name)} aria-describedby="team-name-errors" />
      </label>
      <FieldErrors id="team-name-errors" errors={errors.name} />
      <label>
        Kind (a platform team&apos;s admins are platform admins)
        <select name="kind" defaultValue="application">
          <option value="application">application</option>
          <option value="platform">platform</option>
        </select>
      </label>
      {change.failure && Object.keys(errors).length === 0 ? (
        <p className="alert" role="alert">
          {change.failure.message}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={change.pending}>
        Create team
      </button>
    </form>
  );
}
