/**
 * @module Settings → Security (seed 004: "you can define the password complexity for the users'
 * passwords. This option is available in Configuration → Security"): the password policy and the
 * session timeouts, each field with the API's limits beside it and the API's error under it.
 */
import { useState, type ReactNode } from 'react';
import { TextField } from '../components/field';
import { LIMITS } from './limits';
import type { Organization, OrganizationPatch, PasswordPolicy } from './queries';
import { numberChanges, SettingsForm, textOf, useSettingsSave } from './settings-form';

const CLASSES = [
  { name: 'requireLower', label: 'A lowercase letter', hint: 'Any script.' },
  { name: 'requireUpper', label: 'An uppercase letter', hint: undefined },
  { name: 'requireDigit', label: 'A digit', hint: undefined },
  { name: 'requireSymbol', label: 'A symbol', hint: 'A character that is neither a letter nor a digit; a space counts.' },
] as const;
type Flag = (typeof CLASSES)[number]['name'] | 'disallowCommon';

const NUMBER_FIELDS = ['minLength', 'historyCount', 'maxAgeDays', 'sessionIdleMinutes', 'sessionAbsoluteHours'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const NULLABLE: readonly NumberField[] = ['maxAgeDays', 'sessionIdleMinutes', 'sessionAbsoluteHours'];
const FIELDS: readonly string[] = [...NUMBER_FIELDS, ...CLASSES.map((c) => c.name), 'disallowCommon'];

export function SecuritySettings({ organization, canManage }: { organization: Organization; canManage: boolean }) {
  const { settings } = organization;
  const saved: Record<NumberField, number | null> = {
    minLength: settings.passwordPolicy.minLength, historyCount: settings.passwordPolicy.historyCount, maxAgeDays: settings.passwordPolicy.maxAgeDays,
    sessionIdleMinutes: settings.sessionIdleMinutes, sessionAbsoluteHours: settings.sessionAbsoluteHours,
  };
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(() => ({
    minLength: textOf(saved.minLength), historyCount: textOf(saved.historyCount), maxAgeDays: textOf(saved.maxAgeDays),
    sessionIdleMinutes: textOf(saved.sessionIdleMinutes), sessionAbsoluteHours: textOf(saved.sessionAbsoluteHours),
  }));
  const [flags, setFlags] = useState<Record<Flag, boolean>>(() => ({
    requireLower: settings.passwordPolicy.requireLower, requireUpper: settings.passwordPolicy.requireUpper,
    requireDigit: settings.passwordPolicy.requireDigit, requireSymbol: settings.passwordPolicy.requireSymbol,
    disallowCommon: settings.passwordPolicy.disallowCommon,
  }));
  const form = useSettingsSave(organization.id, FIELDS);

  const submit = () => {
    const { changes, invalid } = numberChanges(numbers, saved, NULLABLE);
    const policy: Partial<PasswordPolicy> = {};
    for (const name of Object.keys(flags) as Flag[]) if (flags[name] !== settings.passwordPolicy[name]) policy[name] = flags[name];
    const rest: NonNullable<OrganizationPatch['settings']> = {};
    for (const [name, value] of Object.entries(changes) as [NumberField, number | null][]) {
      if (name === 'minLength' || name === 'historyCount') policy[name] = value ?? undefined;
      else if (name === 'maxAgeDays') policy.maxAgeDays = value;
      else rest[name] = value;
    }
    if (Object.keys(policy).length > 0) rest.passwordPolicy = policy;
    form.save(Object.keys(rest).length > 0 ? { settings: rest } : null, 'The security settings were saved.', invalid);
  };

  const number = (name: NumberField, label: string, hint: ReactNode) => (
    <TextField key={name} label={label} name={name} inputMode="numeric" required={!NULLABLE.includes(name)} className="input-number"
      value={numbers[name]} onChange={(e) => setNumbers((v) => ({ ...v, [name]: e.target.value }))} error={form.errors.fields[name]} hint={hint} />
  );
  const flag = (name: Flag, label: string, hint?: string) => (
    <div key={name} className={form.errors.fields[name] ? 'check-field field-invalid' : 'check-field'}>
      <label className="check">
        <input type="checkbox" name={name} checked={flags[name]} onChange={(e) => setFlags((v) => ({ ...v, [name]: e.target.checked }))}
          aria-describedby={hint ? `${name}-hint` : undefined} />
        {label}
      </label>
      {hint ? <p id={`${name}-hint`} className="field-hint">{hint}</p> : null}
      {form.errors.fields[name] ? <p className="field-error">{form.errors.fields[name]}</p> : null}
    </div>
  );
  const range = (field: keyof typeof LIMITS) => `${LIMITS[field].min} to ${LIMITS[field].max.toLocaleString('en')}`;

  return (
    <SettingsForm canManage={canManage} saving={form.saving} errors={form.errors} error={form.error} notice={form.notice} onSubmit={submit}>
      <fieldset className="settings-group">
        <legend>Password policy</legend>
        <p className="field-hint settings-lead">
          Applies to every password set by or for a member of this organization. A user has one password for all their organizations, so it
          must meet the policy of each. <strong>Members whose password no longer fits the policy will be asked to change it at their next
          sign-in</strong>; sessions already open go on until then.
        </p>
        {number('minLength', 'Minimum length', `${range('minLength')} characters (default 12). A password of ${LIMITS.minLength.max} characters or more always meets the length and every character class.`)}
        <fieldset className="checks">
          <legend>Must contain</legend>
          {CLASSES.map((c) => flag(c.name, c.label, c.hint))}
        </fieldset>
        {flag('disallowCommon', 'Refuse common passwords', 'About 49,000 passwords known from breaches, in any case (default on).')}
        {number('historyCount', 'Passwords remembered', `No reuse of the last N passwords, the current one included: ${range('historyCount')} (default 0, off). A change never keeps the current password.`)}
        {number('maxAgeDays', 'Maximum age (days)', `${range('maxAgeDays')} days, after which the password must be changed at the next sign-in. Blank: never (the default).`)}
        <p className="field-hint">
          Whatever the policy, a password may not contain the user name, the email's local part, the first or last name, and may be
          at most 128 characters.
        </p>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Sessions</legend>
        <p className="field-hint settings-lead">
          A session ends after the shortest timeout of the instance and of every organization its user is active in, so this can only
          shorten sessions. Blank: the instance's default.
        </p>
        {number('sessionIdleMinutes', 'Idle timeout (minutes)', `${range('sessionIdleMinutes')} minutes (up to 30 days) without activity. Blank: the instance's default (8 hours unless the operator set another).`)}
        {number('sessionAbsoluteHours', 'Absolute lifetime (hours)', `${range('sessionAbsoluteHours')} hours (up to a year) after sign-in, however active. Blank: the instance's default (7 days unless the operator set another).`)}
      </fieldset>
    </SettingsForm>
  );
}
