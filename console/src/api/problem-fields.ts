/**
 * @module Puts an API problem next to the form field it names: `field: "body.email"` belongs to the
 * input named `email`; `errors` may name several fields (or one field several times, as a refused
 * password does). Whatever names no field of the form is shown above the form instead.
 */
import { ApiError } from './client';

export interface FormErrors {
  /** Messages per form field name. */
  fields: Record<string, string>;
  /** The same messages one by one, for a field that lists them (every password rule not met). */
  lists: Record<string, string[]>;
  /** The message for the form as a whole, when no field was named or the field is not on the form. */
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, lists: {}, form: null };

const fieldName = (apiField: string) => apiField.replace(/^(body|query|params)\./, '').split('.')[0] ?? '';

export function formErrors(error: unknown, formFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, lists: {}, form: error instanceof Error ? error.message : 'Something went wrong' };
  const { field, errors, detail } = error.problem;
  const fields: Record<string, string[]> = {};
  const add = (name: string, message: string) => {
    if (formFields.includes(name)) (fields[name] ??= []).push(message);
  };
  if (errors && errors.length > 0) for (const e of errors) add(fieldName(e.field), e.message);
  else if (field) add(fieldName(field), detail);
  const named = Object.keys(fields).length > 0;
  return {
    fields: Object.fromEntries(Object.entries(fields).map(([name, messages]) => [name, capitalize(messages.join('; '))])),
    lists: Object.fromEntries(Object.entries(fields).map(([name, messages]) => [name, messages.map(capitalize)])),
    form: named ? null : detail,
  };
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
