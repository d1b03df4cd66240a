"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
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
const tokenColumns = [
  "name",
  "token",
  "scopes",
  "created",
  "expires",
  "stops",
  "lastUsed",
  "status",
  "actions",
] as const;

type TokenState = "revoked" | "expired" | "idle" | "active";

function stateOf(token: Token, idleStopsAt: string): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return "expired";
  if (new Date(idleStopsAt) <= new Date()) return "idle";
  return "active";
}

/** Whether the token stops for idleness before it expires (its owner not signing in). */
const stopsIdleFirst = (token: Token, idleStopsAt: string) => !token.expiresAt || idleStopsAt < token.expiresAt;

export function TokenManager({ scopes }: { scopes: readonly TokenScope[] }) {
  const t = useTranslations("tokens");
  const common = useTranslations("common");
  const none = common("none");
  const loading = common("loading");
  const format = useFormatter();
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "day") : none);
  const idleNote = (days: number, stopsAt: string) =>
    t.rich("idleNote", { days, date: day(stopsAt), strong: (chunks) => <strong>{chunks}</strong> });
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
          <strong>{t("created", { name: created.name })}</strong>
          <p>
            <label>
              {t("secretLabel")}
              <input
                readOnly
                value={created.secret}
                className={`mono ${styles.secret}`}
                aria-label={t("secretAria")}
                onFocus={(event) => event.currentTarget.select()}
              />
            </label>{" "}
            <button type="button" className="button" onClick={() => void copy(created.secret)}>
              {copied ? t("copied") : t("copy")}
            </button>{" "}
            <button type="button" className="button" onClick={() => setCreated(null)}>
              {t("done")}
            </button>
          </p>
        </div>
      ) : null}

      <form className={`card ${styles.form}`} onSubmit={submit} aria-labelledby="new-token" noValidate>
        <h2 id="new-token">{t("newToken")}</h2>
        <p>
          <label>
            {t("name")}
            <br />
            <input
              name="name"
              required
              maxLength={64}
              aria-invalid={nameErrors.length > 0}
              aria-describedby="token-name-errors"
              placeholder={t("namePlaceholder")}
            />
          </label>
          <span id="token-name-errors" className={styles.fieldError}>
            {nameErrors.join(" ")}
          </span>
        </p>
        <fieldset aria-describedby="token-scope-errors">
          <legend>{t("scopes")}</legend>
          {scopes.map((scope) => (
            <label key={scope} className={styles.scope}>
              <input type="checkbox" name="scopes" value={scope} /> <code>{scope}</code>{" "}
              {t(`scopeDescriptions.${scope}`)}
            </label>
          ))}
          <span id="token-scope-errors" className={styles.fieldError}>
            {scopeErrors.join(" ")}
          </span>
        </fieldset>
        <p>
          <label>
            {t("expiresAfter")}
            <br />
            <select name="expiresInDays" defaultValue="30" aria-describedby="token-lifetime-errors">
              {lifetimes.map((days) => (
                <option key={days} value={days}>
                  {t("lifetime", { days })}
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
          {create.isPending ? t("creating") : t("create")}
        </button>
      </form>

      <h2>{t("yours")}</h2>
      {tokens.isPending ? <p>{loading}</p> : null}
      {tokens.error ? (
        <p className="alert" role="alert">
          {t("loadFailed", { message: tokens.error.message })}
        </p>
      ) : null}
      {revoke.error ? (
        <p className="alert" role="alert">
          {t("revokeFailed", { message: revoke.error.message })}
        </p>
      ) : null}
      {tokens.data && tokens.data.tokens.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : null}
      {tokens.data ? <p role="note">{idleNote(tokens.data.idleDays, tokens.data.idleStopsAt)}</p> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <DataTable caption={t("caption")} columns={tokenColumns.map((column) => t(`columns.${column}`))}>
          {tokens.data.tokens.map((token) => {
            const state = stateOf(token, tokens.data.idleStopsAt);
            return (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className="mono">{token.prefix}…</td>
                <td className="mono">{token.scopes.join(", ")}</td>
                <td className="nowrap">{day(token.createdAt)}</td>
                <td className="nowrap">{day(token.expiresAt)}</td>
                <td className="nowrap">
                  {stopsIdleFirst(token, tokens.data.idleStopsAt)
                    ? t("stopsIdle", { date: day(tokens.data.idleStopsAt) })
                    : day(token.expiresAt)}
                </td>
                <td className="nowrap">{day(token.lastUsedAt)}</td>
                <td>{state === "revoked" ? t("revoked", { date: day(token.revokedAt) }) : t(state)}</td>
                <td>
                  {state === "active" ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={t("revokeLabel", { name: token.name })}
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(t("revokeConfirm", { name: token.name }))) revoke.mutate(token.id);
                      }}
                    >
                      {t("revoke")}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
    </>
  );
}
