"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field } from "@/components/form-field";
import layout from "@/components/page-layout.module.css";
import { maxOpenApiBytes } from "@/lib/catalog/openapi-size";

// The owning team attaches its OpenAPI 3.x document: a file or pasted text, YAML or JSON. The server validates it and
// names the line of the first problem.
export function OpenApiUpload({ id, current }: { id: string; current: string | null }) {
  const t = useTranslations("catalog.openApi");
  const saveFailed = useTranslations("catalog.entry")("saveFailed");
  const router = useRouter();
  const [text, setText] = useState(current ?? "");
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  async function send(method: "PUT" | "DELETE", event?: FormEvent) {
    event?.preventDefault();
    setSaving(true);
    try {
      await callApi(`/api/catalog/${id}/openapi`, method === "PUT" ? { method, text } : { method });
      setErrors(undefined);
      setMessage(method === "PUT" ? t("saved") : t("removed"));
      if (method === "DELETE") setText("");
      router.refresh();
    } catch (error) {
      // The line-naming reason shows under the document; the status line says what else went wrong.
      const reasons = error instanceof ApiFailure ? error.fieldErrors.document : undefined;
      setErrors(reasons);
      setMessage(reasons ? null : error instanceof Error ? error.message : saveFailed);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => send("PUT", event)} className="card" aria-label={t("title")}>
      <h2>{t("title")}</h2>
      <Field id="openapi-file" label={t("file")} hint={t("fileHint", { size: maxOpenApiBytes / 1024 })}>
        {(aria) => <input {...aria} type="file" accept=".yaml,.yml,.json,application/json,text/yaml" onChange={pick} />}
      </Field>
      <Field id="openapi-text" label={t("document")} errors={errors}>
        {(aria) => (
          <textarea
            {...aria}
            className="mono"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
          />
        )}
      </Field>
      <div className={layout.actions}>
        <button type="submit" className="button primary" disabled={saving || text.trim() === ""}>
          {t("save")}
        </button>
        {current ? (
          <button type="button" className="button" disabled={saving} onClick={() => send("DELETE")}>
            {t("remove")}
          </button>
        ) : null}
        <span role="status">{message}</span>
      </div>
    </form>
  );
}
