"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import styles from "../accounts.module.css";
import fieldStyles from "@/components/form-field.module.css";
import { exampleTemplateUrl, quickCreateUrl } from "@/lib/accounts/role-template";
import type { Partition } from "@/lib/aws/partition";

/** The console's one-click link needs the template at a URL CloudFormation can fetch: the admin pastes it here. */
export function QuickCreateLink(props: {
  partition: Partition;
  region: string;
  alias: string;
  roleName: string;
  externalId: string;
}) {
  const t = useTranslations("accounts.quickCreate");
  const [templateUrl, setTemplateUrl] = useState("");
  const usable = /^https:\/\/\S+$/.test(templateUrl);
  return (
    <div className={fieldStyles.field}>
      <label htmlFor="template-url">{t("label")}</label>
      <div className={styles.inline}>
        <input
          id="template-url"
          type="url"
          placeholder={exampleTemplateUrl(props.region)}
          value={templateUrl}
          onChange={(event) => setTemplateUrl(event.target.value.trim())}
          aria-describedby="template-url-hint"
        />
        {usable ? (
          <a className="button" href={quickCreateUrl({ ...props, templateUrl })} target="_blank" rel="noreferrer">
            {t("button")}
          </a>
        ) : (
          <span className={fieldStyles.hint}>{t("pasteUrl")}</span>
        )}
      </div>
      <p id="template-url-hint" className={fieldStyles.hint}>
        {t("hint")}
      </p>
    </div>
  );
}
