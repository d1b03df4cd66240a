import layout from "./page-layout.module.css";

/** The end of a form: the error that belongs to no field, if any, and the submit button, which waits while pending. */
export function FormSubmit(props: { failure?: string; pending: boolean; label: string; pendingLabel: string }) {
  return (
    <>
      {props.failure ? (
        <p role="alert" className="alert">
          {props.failure}
        </p>
      ) : null}
      <div className={layout.actions}>
        <button type="submit" className="button primary" disabled={props.pending}>
          {props.pending ? props.pendingLabel : props.label}
        </button>
      </div>
    </>
  );
}
