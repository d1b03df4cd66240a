import { DraftField } from "./draft-field";
import type { DraftForm } from "./use-draft-form";
import type { DiscoveredLoadBalancer } from "@/lib/requests/wizard-options";

// The port (a chosen NLB's listeners, else typed), the API's name, stage and options, and why.

export function ApiSection({ form, chosen }: { form: DraftForm; chosen?: DiscoveredLoadBalancer }) {
  return (
    <>
      <DraftField
        form={form}
        field="port"
        label={form.draft.scenario === "cross_account_nlb" ? "Listener port" : "Port"}
      >
        {(props) =>
          chosen ? (
            <select {...props}>
              {chosen.listeners.map((listener) => (
                <option key={listener.port} value={String(listener.port)}>
                  {listener.protocol} {listener.port}
                </option>
              ))}
            </select>
          ) : (
            <input type="text" inputMode="numeric" {...props} />
          )
        }
      </DraftField>
      <DraftField
        form={form}
        field="apiName"
        label="API name"
        hint="Letters, digits, - _ and ., starting with a letter."
      />
      <DraftField form={form} field="stageName" label="Stage" />
      <DraftField
        form={form}
        field="basePath"
        label="Base path (optional)"
        hint="For example v1/ledger, without a leading /."
      />
      <DraftField
        form={form}
        field="corsAllowOrigins"
        label="CORS origins (optional)"
        hint="https origins of browser callers, separated by commas or spaces."
      />
      <DraftField form={form} field="justification" label="Justification" hint="Who will call the API and why.">
        {(props) => <textarea rows={3} {...props} />}
      </DraftField>
    </>
  );
}
