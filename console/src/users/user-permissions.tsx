/**
 * @module Seed 002's "Display Permissions: Show/edit user specific permissions" under the User
 * Details: the module list with "–Show–" per module, each action Inherit / Allow / Deny over the
 * role and the user's groups, seed 003's extra permissions on top of the role, Roster's own, and the
 * resources granted to the user (seed 003's partners: exactly one for a Partner user). Beside each
 * permission, what the user holds now and why, from the API's effective access.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { ErrorState, Loading } from '../components/states';
import { ALL_PERMISSIONS } from '../permissions/catalog';
import { OverrideEditor, type Effect } from '../permissions/override-editor';
import { useCatalog, useMemberAccess, useMemberGrants, useResourceTypes } from '../permissions/queries';
import { ResourceGrants } from './resource-grants';
import type { Member, MemberPatch } from './queries';

export function UserPermissions({ organizationId, member }: { organizationId: string; member: Member }) {
  const [open, setOpen] = useState(false);
  // Kept here, above the form, so the message outlives the refresh that follows a save.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="user-permissions" aria-labelledby="user-permissions-title">
      <div className="section-head">
        <h3 id="user-permissions-title" className="section-title">User Permissions</h3>
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>{open ? 'Hide Permissions' : 'Display Permissions'}</button>
      </div>
      {open ? <PermissionsPanel organizationId={organizationId} member={member} onNotice={setNotice} /> : null}
      <div aria-live="polite">{open && notice ? <p className="notice">{notice}</p> : null}</div>
    </section>
  );
}

function PermissionsPanel({ organizationId, member, onNotice }: { organizationId: string; member: Member; onNotice(message: string | null): void }) {
  const catalog = useCatalog(organizationId);
  const grants = useMemberGrants(organizationId, member.userId);
  const access = useMemberAccess(organizationId, member.userId);
  const types = useResourceTypes(organizationId);
  const pending = [catalog, grants, access, types].find((q) => q.isPending);
  const failed = [catalog, grants, access, types].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (pending || !catalog.data || !grants.data || !access.data || !types.data) return <Loading label="Loading permissions…" />;
  // A new role (saved in the form above) is another set of scopes: the form starts again from what is saved.
  return <PermissionsForm key={member.role} organizationId={organizationId} member={member} catalog={catalog.data} onNotice={onNotice}
    saved={grants.data} effective={access.data.permissions} resourceTypes={types.data} scopes={access.data.resources} />;
}

type Grants = { permissions: Record<string, Effect>; resources: Record<string, string[]> };

interface FormProps {
  organizationId: string;
  member: Member;
  catalog: Parameters<typeof OverrideEditor>[0]['catalog'];
  saved: Grants;
  effective: ReadonlyArray<{ permission: string; reason: string }>;
  resourceTypes: ReadonlyArray<{ key: string; name: string }>;
  scopes: Record<string, { scope: 'one' | 'granted' | 'all'; ids: string[] }>;
  onNotice(message: string | null): void;
}

function PermissionsForm({ organizationId, member, catalog, saved, effective, resourceTypes, scopes, onNotice }: FormProps) {
  const client = useQueryClient();
  const [overrides, setOverrides] = useState<Record<string, Effect>>(saved.permissions);
  const [resources, setResources] = useState<Record<string, string[]>>(saved.resources);
  const save = useMutation({
    mutationFn: (patch: MemberPatch) => unwrap(api.PATCH('/api/v1/organizations/{organizationId}/members/{userId}', { params: { path: { organizationId, userId: member.userId } }, body: patch })),
    onSuccess: () => Promise.all(['member-access', 'members'].map((k) => client.invalidateQueries({ queryKey: [k, organizationId] }))),
  });
  const errors = save.error ? formErrors(save.error, ['permissions', 'resources']) : NO_ERRORS;
  const holdsAll = effective.some((p) => p.permission === ALL_PERMISSIONS);
  const formRef = useRef<HTMLFormElement>(null);
  // A refusal takes the focus, so it scrolls into view and is read out, as on every form.
  useEffect(() => {
    if (save.error) formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [save.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    const permissions: Record<string, Effect | 'inherit'> = {};
    for (const key of new Set([...Object.keys(saved.permissions), ...Object.keys(overrides)])) {
      if (saved.permissions[key] !== overrides[key]) permissions[key] = overrides[key] ?? 'inherit';
    }
    const changedResources = Object.fromEntries(Object.entries(resources).filter(([type, ids]) => [...ids].sort().join() !== [...(saved.resources[type] ?? [])].sort().join()));
    const patch: MemberPatch = {};
    if (Object.keys(permissions).length > 0) patch.permissions = permissions;
    if (Object.keys(changedResources).length > 0) patch.resources = changedResources;
    if (Object.keys(patch).length === 0) {
      onNotice('Nothing to save: no permission was changed.');
      return;
    }
    save.mutate(patch, { onSuccess: () => onNotice(`The permissions of ${member.username} were saved.`) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="permissions-form">
      {holdsAll ? <p className="notice-info">As {member.role}, {member.username} holds every permission and every resource; overrides change nothing while that role stays.</p> : null}
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      {errors.fields.permissions ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.fields.permissions}</div> : null}
      <OverrideEditor catalog={catalog} value={overrides} onChange={setOverrides} effective={new Map(effective.map((p) => [p.permission, p.reason]))}
        roleKey={member.role} username={member.username} />
      {resourceTypes.map((t) => (
        <ResourceGrants key={t.key} organizationId={organizationId} type={t} scope={holdsAll ? 'all' : scopes[t.key]?.scope ?? 'granted'}
          value={resources[t.key] ?? []} onChange={(ids) => setResources((r) => ({ ...r, [t.key]: ids }))} error={errors.fields.resources} />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save permissions'}</button>
      </div>
    </form>
  );
}
