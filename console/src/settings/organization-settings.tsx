/**
 * @module Settings → Organization: the name, whether members may be deleted (seed 003) or only
 * deactivated (seed 000, the default), and how long an invitation link lasts.
 */
import { useState } from 'react';
import { TextField } from '../components/field';
import { LIMITS } from './limits';
import type { Organization, OrganizationPatch } from './queries';
import { numberChanges, SettingsForm, textOf, useSettingsSave } from './settings-form';

const FIELDS = ['name', 'allowMemberDeletion', 'invitationLifetimeDays'] as const;

export function OrganizationSettings({ organization, canManage }: { organization: Organization; canManage: boolean }) {
  const { settings } = organization;
  const [name, setName] = useState(organization.name);
  const [allowDeletion, setAllowDeletion] = useState(settings.allowMemberDeletion);
  const [lifetime, setLifetime] = useState(textOf(settings.invitationLifetimeDays));
  const form = useSettingsSave(organization.id, FIELDS);
  const { min, max } = LIMITS.invitationLifetimeDays;

  const submit = () => {
    const { changes, invalid } = numberChanges({ invitationLifetimeDays: lifetime }, { invitationLifetimeDays: settings.invitationLifetimeDays }, []);
    const patch: OrganizationPatch = {};
    if (name.trim() !== organization.name) patch.name = name;
    const settingsPatch: NonNullable<OrganizationPatch['settings']> = {};
    if (allowDeletion !== settings.allowMemberDeletion) settingsPatch.allowMemberDeletion = allowDeletion;
    if (changes.invitationLifetimeDays !== undefined && changes.invitationLifetimeDays !== null) settingsPatch.invitationLifetimeDays = changes.invitationLifetimeDays;
    if (Object.keys(settingsPatch).length > 0) patch.settings = settingsPatch;
    form.save(Object.keys(patch).length > 0 ? patch : null, 'The organization settings were saved.', invalid);
  };

  return (
    <SettingsForm canManage={canManage} saving={form.saving} errors={form.errors} error={form.error} notice={form.notice} onSubmit={submit}>
      <TextField label="Organization name" name="name" required value={name} onChange={(e) => setName(e.target.value)} error={form.errors.fields.name}
        hint="Shown in the top bar, in My Organizations and in the emails Roster sends; up to 200 characters." />
      <div className={form.errors.fields.allowMemberDeletion ? 'field field-invalid' : 'field'}>
        <label className="check check-strong">
          <input type="checkbox" name="allowMemberDeletion" checked={allowDeletion} onChange={(e) => setAllowDeletion(e.target.checked)}
            aria-describedby="allow-deletion-hint" />
          Allow deleting members
        </label>
        <p id="allow-deletion-hint" className="field-hint">
          Off (the default): members are deactivated, not deleted, and can be activated again. On: admins with the permission to delete
          can also select members and delete them; the history keeps their display name.
        </p>
        {form.errors.fields.allowMemberDeletion ? <p className="field-error">{form.errors.fields.allowMemberDeletion}</p> : null}
      </div>
      <TextField label="Invitation lifetime (days)" name="invitationLifetimeDays" inputMode="numeric" required className="input-number"
        value={lifetime} onChange={(e) => setLifetime(e.target.value)} error={form.errors.fields.invitationLifetimeDays}
        hint={`How long an invitation link works, ${min} to ${max} days (default 7). A resent invitation gets a new link and lifetime.`} />
    </SettingsForm>
  );
}
