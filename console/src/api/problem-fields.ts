/**
 * @module Puts an API problem next to the form field it names: `field: "body.email"` belongs to the
 * input named `email`; `errors` may name several fields (or one field several times, as a refused
 * password does). Whatever names no field of the form is shown above the form instead. A form over
 * a nested body (the organization's `settings.passwordPolicy`) names the prefixes its fields sit under.
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

function fieldName(apiField: string, within: readonly string[]): string {
  let path = apiField.replace(/^(body|query|params)\./, '');
  const prefix = within.find((p) => path.startsWith(`${p}.`));
  if (prefix) path = path.slice(prefix.length + 1);
  return path.split('.')[0] ?? '';
}

/** Ajv's account of a nullable field (`anyOf: [integer, null]`) adds these to the message that matters. */
const NULLABLE_NOISE = new Set(['must be null', 'must match a schema in anyOf']);

export function formErrors(error: unknown, formFields: readonly string[], within: readonly string[] = []): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, lists: {}, form: error instanceof Error ? error.message : 'Something went wrong' };
  const { field, errors, detail } = error.problem;
  const fields: Record<string, string[]> = {};
  const add = (name: string, message: string) => {
    if (formFields.includes(name)) (fields[name] ??= []).push(message);
  };
  const meaningful = errors?.filter((e) => !NULLABLE_NOISE.has(e.message));
  if (meaningful && meaningful.length > 0) for (const e of meaningful) add(fieldName(e.field, within), e.message);
  else if (field) add(fieldName(field, within), detail);
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
