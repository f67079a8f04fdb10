/**
 * @module The User Details form itself: seed 002's fields in its order with seed 000's display
 * name and signature, the role (with "Select Partner" when the chosen role needs exactly one
 * resource, seed 003, saved with the role), the User Groups check boxes and Save; for an existing
 * user the user name is read-only (seeds 000, 002) and Deactivate/Activate and Delete sit under the
 * fields, with Resend Invite while the user has never signed in (seed 004). An error the API ties to
 * a field (`body.email`) is shown under that field, which gets the focus.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import type { Me } from '../auth/session';
import { ConfirmDialog } from '../components/confirm-dialog';
import { SelectField, TextAreaField, TextField } from '../components/field';
import { pickableScopes } from '../invitations/invite-rules';
import { useResourceTypes } from '../invitations/queries';
import { ResourcePicker } from '../invitations/resource-picker';
import { emptyForm, FORM_FIELDS, formFromMember, memberPatch, newMemberBody, type MemberFormValues, type TextFieldName } from './member-form';
import { useAddMember, useDeleteMembers, useGroups, useResendMemberInvitation, useRoles, useSetMemberStatus, useUpdateMember, type Member } from './queries';
import { isProtected } from './user-list';
import type { UsersLocation } from './users-page';

interface Props {
  location: UsersLocation;
  member: Member | null;
  me: Me;
  onNotice(message: string | null): void;
}

export function MemberForm({ location, member, me, onNotice }: Props) {
  const { organizationId } = location;
  const [, navigate] = useLocation();
  const [values, setValues] = useState<MemberFormValues>(() => (member ? formFromMember(member) : emptyForm()));
  const roles = useRoles(organizationId);
  const groups = useGroups(organizationId);
  const add = useAddMember(organizationId);
  const update = useUpdateMember(organizationId);
  const setStatus = useSetMemberStatus(organizationId);
  const remove = useDeleteMembers(organizationId);
  const resend = useResendMemberInvitation(organizationId);
  const resourceTypes = useResourceTypes(organizationId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const saveError = member ? update.error : add.error;
  const errors = saveError ? formErrors(saveError, FORM_FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (saveError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input, .form-alert')?.focus();
  }, [saveError]);

  // A refused password lists every rule it missed, one a line (`errors.lists`), as on the other password forms.
  const text = (name: TextFieldName) => ({
    name, value: values[name], error: errors.fields[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    setActionError(null);
    if (!member) {
      add.mutate({ body: newMemberBody(values), groups: values.groups }, {
        onSuccess: (created) => {
          onNotice(`${created.username} was added.`);
          navigate(location.userPath(created.userId));
        },
      });
      return;
    }
    const patch = { ...memberPatch(values, member), ...(values.password ? { password: values.password } : {}) };
    if (Object.keys(patch).length === 0) {
      onNotice('Nothing to save: no field was changed.');
      return;
    }
    update.mutate({ userId: member.userId, patch }, {
      onSuccess: (saved) => {
        setValues(formFromMember(saved));
        onNotice(`${saved.username} was saved.`);
      },
    });
  };

  const changeStatus = (action: 'deactivate' | 'activate') => {
    if (!member) return;
    setActionError(null);
    setStatus.mutate({ userId: member.userId, action }, {
      onSuccess: () => {
        onNotice(action === 'deactivate' ? `${member.username} was deactivated and moved to Inactive Users.` : `${member.username} was activated.`);
        navigate(location.listPath(action === 'deactivate' ? 'inactive' : 'active'));
      },
      onError: (error) => setActionError(error.message),
    });
  };

  const resendInvite = () => {
    if (!member) return;
    onNotice(null);
    setActionError(null);
    resend.mutate(member.userId, {
      onSuccess: () => onNotice(`The invitation email was sent again to ${member.email}.`),
      onError: (error) => setActionError(error.message),
    });
  };

  const deleteMember = () => {
    if (!member) return;
    remove.mutate({ userIds: [member.userId] }, {
      onSuccess: () => {
        onNotice(`${member.username} was deleted.`);
        navigate(location.listPath());
      },
      onError: (error) => setActionError(error.message),
      onSettled: () => setConfirmDelete(false),
    });
  };

  const isOwner = member?.role === 'owner';
  const roleOptions = (roles.data ?? []).filter((r) => r.key !== 'owner' || isOwner);
  const saving = add.isPending || update.isPending;
  const canSetPassword = !member || member.lastLoginAt === null;
  // Seed 004: the invitation goes again only to "a user who never logged into his account".
  const canResend = member !== null && member.lastLoginAt === null && member.status === 'active';
  // A role that needs exactly one resource (seed 003's Partner) has it picked here when it is given,
  // so role and partner are saved together; later changes of the partner are User Permissions'.
  const chosenRole = roleOptions.find((r) => r.key === values.role);
  const partnerScopes = chosenRole && (!member || values.role !== member.role) ? pickableScopes(chosenRole).filter((s) => s.scope === 'one') : [];
  const typeName = (type: string) => resourceTypes.data?.find((t) => t.key === type)?.name ?? type;
  const chooseRole = (key: string) => setValues((v) => {
    const next = roleOptions.find((r) => r.key === key);
    const types = new Set(next ? pickableScopes(next).filter((s) => s.scope === 'one').map((s) => s.type) : []);
    // What the new role does not need is dropped, so nothing hidden is sent.
    return { ...v, role: key, resources: Object.fromEntries(Object.entries(v.resources).filter(([t]) => types.has(t))) };
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="details-form">
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <div className="form-grid">
        <TextField label="User Name" autoComplete="off" required={member === null} readOnly={member !== null} {...text('username')}
          hint={member ? 'A user name can not be changed once saved.' : 'Used to sign in. It can not be changed once saved.'} />
        {canSetPassword ? (
          <TextField label="New Password" type="password" autoComplete="new-password" required={!member} {...text('password')} error={errors.lists.password}
            hint={member ? 'Only until the user first signs in; leave blank to keep it.' : undefined} />
        ) : null}
        <div className="field-row">
          <TextField label="First Name" required autoComplete="off" {...text('firstName')} />
          <TextField label="Last Name" required autoComplete="off" {...text('lastName')} />
        </div>
        <TextField label="Display Name" autoComplete="off" hint="How the user appears in the history and logs." {...text('displayName')} />
        <TextField label="Alias" autoComplete="off" hint="Used with end users instead of the real name; blank uses the real name." {...text('alias')} />
        <TextField label="Title" autoComplete="off" {...text('title')} />
        <TextField label="Email" type="email" required autoComplete="off" {...text('email')} />
        <TextField label="Available From Email" autoComplete="off" hint="Comma-separated addresses the user may send from; the first is the default." {...text('senderEmails')} />
        <div className="field-row field-row-phone">
          <TextField label="Phone" type="tel" autoComplete="off" {...text('phone')} />
          <TextField label="Extension" autoComplete="off" {...text('phoneExtension')} />
        </div>
        <TextField label="Color" autoComplete="off" hint="For example #3b4cca." {...text('color')} />
        <TextAreaField label="Address" rows={2} {...text('address')} />
        <TextField label="Click To Dial" autoComplete="off" hint="A URL with [Field:Name] placeholders, e.g. https://dialer.example/call?phone=[Field:PhoneNumber]." {...text('clickToDial')} />
        <TextAreaField label="Signature" rows={2} hint="Closing line added to the user's emails." {...text('signature')} />
        <SelectField label="Role" required disabled={isOwner} {...text('role')} onChange={(e) => chooseRole(e.target.value)}
          hint={isOwner ? 'The owner keeps this role until ownership is transferred.' : undefined}>
          {roles.isPending ? <option value={values.role}>{values.role}</option> : null}
          {roleOptions.map((r) => <option key={r.key} value={r.key}>{r.name}</option>)}
        </SelectField>
      </div>
      {partnerScopes.map(({ type, scope }) => (
        <ResourcePicker key={`${values.role}:${type}`} organizationId={organizationId} type={type} typeName={typeName(type)} scope={scope}
          selected={values.resources[type] ?? []} error={errors.fields.resources}
          onChange={(ids) => {
            // The refusal was about the missing partner: once one is picked it no longer applies.
            (member ? update : add).reset();
            setValues((v) => ({ ...v, resources: { ...v.resources, [type]: ids } }));
          }} />
      ))}
      <fieldset className="groups" aria-describedby={errors.fields.groups ? 'groups-error' : undefined}>
        <legend>User Groups</legend>
        {groups.isPending ? <p className="muted">Loading groups…</p> : groups.isError ? <p className="field-error">Groups could not be loaded.</p>
          : groups.data.length === 0 ? <p className="muted">No groups yet.</p> : groups.data.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" checked={values.groups.includes(g.id)}
                onChange={(e) => setValues((v) => ({ ...v, groups: e.target.checked ? [...v.groups, g.id] : v.groups.filter((id) => id !== g.id) }))} />
              {g.name}
            </label>
          ))}
        {errors.fields.groups ? <p id="groups-error" className="field-error">{errors.fields.groups}</p> : null}
      </fieldset>
      {actionError ? <div className="form-alert" role="alert">{actionError}</div> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
        {member && !isProtected(member, me) ? (
          <>
            {member.status === 'active'
              ? <button type="button" className="button" onClick={() => changeStatus('deactivate')} disabled={setStatus.isPending}>Deactivate user</button>
              : <button type="button" className="button" onClick={() => changeStatus('activate')} disabled={setStatus.isPending}>Activate user</button>}
            <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>Delete user</button>
          </>
        ) : null}
        {canResend ? (
          <button type="button" className="button" onClick={resendInvite} disabled={resend.isPending} aria-describedby="resend-invite-hint">
            {resend.isPending ? 'Sending…' : 'Resend Invite'}
          </button>
        ) : null}
      </div>
      {canResend ? <p id="resend-invite-hint" className="field-hint">{member.username} has never signed in: Resend Invite emails the invitation again.</p> : null}
      {member ? (
        <ConfirmDialog open={confirmDelete} title={`Delete ${member.username}?`} confirmLabel="Delete" busy={remove.isPending} onConfirm={deleteMember} onCancel={() => setConfirmDelete(false)}>
          <p>{member.displayName} will be removed from this organization. This can not be undone; the history keeps their name.</p>
          <p className="muted">To keep the record, deactivate the user instead.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
