/**
 * @module A labelled form control with its hint and error tied to it (aria-describedby,
 * aria-invalid), so screen readers read the API's message with the field it is about.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  hint?: ReactNode;
  /** One message, or several shown as a list (a refused password names every rule it missed). */
  error?: string | readonly string[];
}

/** An empty list is no error. */
const hasError = (error: Common['error']): boolean => (typeof error === 'string' ? error !== '' : (error?.length ?? 0) > 0);

function useDescribed({ hint, error }: Common) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = hasError(error) ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Frame({ id, label, hint, error, hintId, errorId, required, children }: Common & { id: string; hintId?: string; errorId?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={errorId ? 'field field-invalid' : 'field'}>
      {/* The asterisk sits outside the label so the field's name stays exactly its label. */}
      <span className="field-label"><label htmlFor={id}>{label}</label>{required ? <span aria-hidden="true" className="required">*</span> : null}</span>
      {children}
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {errorId ? <FieldError id={errorId} error={error!} /> : null}
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: string | readonly string[] }) {
  if (typeof error === 'string') return <p id={id} className="field-error">{error}</p>;
  if (error.length === 1) return <p id={id} className="field-error">{error[0]}</p>;
  return <ul id={id} className="field-error field-error-list">{error.map((message) => <li key={message}>{message}</li>)}</ul>;
}

export function TextField({ label, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={input.required}>
      <input id={d.id} aria-invalid={d.errorId ? true : undefined} aria-describedby={d.describedBy} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={input.required}>
      <textarea id={d.id} aria-invalid={d.errorId ? true : undefined} aria-describedby={d.describedBy} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={select.required}>
      <select id={d.id} aria-invalid={d.errorId ? true : undefined} aria-describedby={d.describedBy} {...select}>{children}</select>
    </Frame>
  );
}
