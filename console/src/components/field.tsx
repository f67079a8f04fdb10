/**
 * @module A labelled form control with its hint and error tied to it (aria-describedby,
 * aria-invalid), so screen readers read the API's message with the field it is about.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  hint?: ReactNode;
  error?: string;
}

function useDescribed({ hint, error }: Common) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Frame({ id, label, hint, error, hintId, errorId, required, children }: Common & { id: string; hintId?: string; errorId?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {/* The asterisk sits outside the label so the field's name stays exactly its label. */}
      <span className="field-label"><label htmlFor={id}>{label}</label>{required ? <span aria-hidden="true" className="required">*</span> : null}</span>
      {children}
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={input.required}>
      <input id={d.id} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, hint, error, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={input.required}>
      <textarea id={d.id} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = useDescribed({ label, hint, error });
  return (
    <Frame {...d} label={label} hint={hint} error={error} required={select.required}>
      <select id={d.id} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...select}>{children}</select>
    </Frame>
  );
}
