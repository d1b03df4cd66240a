"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import styles from "./tokens.module.css";
import type { TokenScope } from "@/lib/api-tokens/token-scopes";
import { ApiFailure, callApi } from "@/components/api-client";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";

type Token = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const lifetimes = [7, 30, 90, 180, 366];
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

function statusOf(token: Token, idleStopsAt: string): string {
  if (token.revokedAt) return `revoked ${day(token.revokedAt)}`;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return "expired";
  if (new Date(idleStopsAt) <= new Date()) return "idle";
  return "active";
}

/** The day a token stops: its expiry, or earlier when its owner stops signing in. */
function stopsOn(token: Token, idleStopsAt: string): string {
  const idleFirst = !token.expiresAt || idleStopsAt < token.expiresAt;
  return idleFirst ? `${day(idleStopsAt)} (idle)` : day(token.expiresAt);
}

export function TokenManager({ scopeDescriptions }: { scopeDescriptions: Record<TokenScope, string> }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ["api-tokens"],
    queryFn: () => callApi<{ tokens: Token[]; idleDays: number; idleStopsAt: string }>("/api/v1/tokens"),
  });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const create = useMutation({
    mutationFn: (input: { name: string; scopes: string[]; expiresInDays: number }) =>
      callApi<{ token: Token; secret: string }>("/api/v1/tokens", { method: "POST", body: input }),
    onSuccess: ({ token, secret }) => {
      setCreated({ name: token.name, secret });
      setCopied(false);
      void queryClient.invalidateQueries({ queryKey: ["api-tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => callApi(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["api-tokens"] }),
  });

  const fieldErrors = create.error instanceof ApiFailure ? create.error.fieldErrors : {};
  const errorsOf = (field: string) => fieldErrors[field] ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      expiresInDays: Number(form.get("expiresInDays")),
    });
  }

  async function copy(secret: string) {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }

  const nameErrors = errorsOf("name");
  const scopeErrors = errorsOf("scopes");
  const lifetimeErrors = errorsOf("expiresInDays");

  return (
    <>
      {created ? (
        <div className="card" role="status" aria-live="polite">
          <strong>Token “{created.name}” created. Copy it now: it is shown only once.</strong>
          <p>
            <label>
              Token
              <input
                readOnly
                value={created.secret}
                className={`mono ${styles.secret}`}
                aria-label="New token secret"
                onFocus={(event) => event.currentTarget.select()}
              />
            </label>{" "}
            <button type="button" className="button" onClick={() => void copy(created.secret)}>
              {copied ? "Copied" : "Copy"}
            </button>{" "}
            <button type="button" className="button" onClick={() => setCreated(null)}>
              Done
            </button>
          </p>
        </div>
      ) : null}

      <form className={`card ${styles.form}`} onSubmit={submit} aria-labelledby="new-token" noValidate>
        <h2 id="new-token">New token</h2>
        <p>
          <label>
            Name
            <br />
            <input
              name="name"
              required
              maxLength={64}
              aria-invalid={nameErrors.length > 0}
              aria-describedby="token-name-errors"
              placeholder="e.g. ci-pipeline"
            />
          </label>
          <span id="token-name-errors" className={styles.fieldError}>
            {nameErrors.join(" ")}
          </span>
        </p>
        <fieldset aria-describedby="token-scope-errors">
          <legend>Scopes</legend>
          {Object.entries(scopeDescriptions).map(([scope, description]) => (
            <label key={scope} className={styles.scope}>
              <input type="checkbox" name="scopes" value={scope} /> <code>{scope}</code> {description}
            </label>
          ))}
          <span id="token-scope-errors" className={styles.fieldError}>
            {scopeErrors.join(" ")}
          </span>
        </fieldset>
        <p>
          <label>
            Expires after
            <br />
            <select name="expiresInDays" defaultValue="30" aria-describedby="token-lifetime-errors">
              {lifetimes.map((days) => (
                <option key={days} value={days}>
                  {days} days
                </option>
              ))}
            </select>
          </label>
          <span id="token-lifetime-errors" className={styles.fieldError}>
            {lifetimeErrors.join(" ")}
          </span>
        </p>
        {create.error && Object.keys(fieldErrors).length === 0 ? (
          <p className="alert" role="alert">
            {create.error.message}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>

      <h2>Your tokens</h2>
      {tokens.isPending ? <p>Loading…</p> : null}
      {tokens.error ? (
        <p className="alert" role="alert">
          Could not load your tokens: {tokens.error.message}
        </p>
      ) : null}
      {revoke.error ? (
        <p className="alert" role="alert">
          Could not revoke: {revoke.error.message}
        </p>
      ) : null}
      {tokens.data && tokens.data.tokens.length === 0 ? (
        <EmptyState title="No tokens yet">
          <p>Create one above to call the API from a script or pipeline.</p>
        </EmptyState>
      ) : null}
      {tokens.data ? (
        <p role="note">
          Your tokens stop working when you have not signed in to Gatehouse for {tokens.data.idleDays} days: unless you
          sign in again, they stop on <strong>{day(tokens.data.idleStopsAt)}</strong>.
        </p>
      ) : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <DataTable
          caption="Your personal access tokens"
          columns={["Name", "Token", "Scopes", "Created", "Expires", "Stops", "Last used", "Status", ""]}
        >
          {tokens.data.tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td className="mono">{token.prefix}…</td>
              <td className="mono">{token.scopes.join(", ")}</td>
              <td className="nowrap">{day(token.createdAt)}</td>
              <td className="nowrap">{day(token.expiresAt)}</td>
              <td className="nowrap">{stopsOn(token, tokens.data.idleStopsAt)}</td>
              <td className="nowrap">{day(token.lastUsedAt)}</td>
              <td>{statusOf(token, tokens.data.idleStopsAt)}</td>
              <td>
                {statusOf(token, tokens.data.idleStopsAt) === "active" ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={`Revoke ${token.name}`}
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`))
                        revoke.mutate(token.id);
                    }}
                  >
                    Revoke
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
