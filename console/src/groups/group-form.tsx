/**
 * @module A group's name, description and permissions, saved together; Delete asks first. A
 * permission the admin does not hold is refused by the API (`permission.not_held`) and the message
 * is shown above the permissions; a taken name under the name.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { ConfirmDialog } from '../components/confirm-dialog';
import { TextAreaField, TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { PermissionSetEditor } from '../permissions/permission-set-editor';
import { useCatalog } from '../permissions/queries';
import type { GroupsLocation } from './groups-page';
import { useCreateGroup, useDeleteGroup, useUpdateGroup, type Group, type GroupPatch } from './queries';

const FIELDS = ['name', 'description', 'permissions'] as const;

export function GroupForm({ location, group, onNotice }: { location: GroupsLocation; group: Group | null; onNotice(message: string | null): void }) {
  const { organizationId } = location;
  const [, navigate] = useLocation();
  const catalog = useCatalog(organizationId);
  const create = useCreateGroup(organizationId);
  const update = useUpdateGroup(organizationId);
  const remove = useDeleteGroup(organizationId);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [permissions, setPermissions] = useState<string[]>(group?.permissions ?? []);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const saveError = group ? update.error : create.error;
  const errors = saveError ? formErrors(saveError, FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (saveError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [saveError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNotice(null);
    if (!group) {
      create.mutate({ name, description, permissions }, {
        onSuccess: (created) => {
          onNotice(`The group ${created.name} was created.`);
          navigate(location.groupPath(created.id));
        },
      });
      return;
    }
    const patch: GroupPatch = {};
    if (name !== group.name) patch.name = name;
    if (description !== group.description) patch.description = description;
    if ([...permissions].sort().join() !== [...group.permissions].sort().join()) patch.permissions = permissions;
    if (Object.keys(patch).length === 0) {
      onNotice('Nothing to save: nothing was changed.');
      return;
    }
    update.mutate({ groupId: group.id, patch }, { onSuccess: (saved) => onNotice(`The group ${saved.name} was saved.`) });
  };

  const deleteGroup = () => {
    if (!group) return;
    remove.mutate(group.id, {
      onSuccess: () => {
        onNotice(`The group ${group.name} was deleted.`);
        navigate(location.listPath);
      },
      onSettled: () => setConfirmDelete(false),
    });
  };
  const saving = create.isPending || update.isPending;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="details-form">
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <TextField label="Group Name" name="name" required autoComplete="off" value={name} error={errors.fields.name} onChange={(e) => setName(e.target.value)} />
      <TextAreaField label="Description" name="description" rows={2} value={description} error={errors.fields.description} onChange={(e) => setDescription(e.target.value)} />
      <h3 className="section-title">Group permissions</h3>
      {catalog.isPending ? <Loading label="Loading permissions…" /> : catalog.isError ? <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} /> : (
        <PermissionSetEditor catalog={catalog.data} value={permissions} owner={name || 'the new group'} error={errors.fields.permissions} onChange={setPermissions} foldRoster />
      )}
      {remove.error ? <div className="form-alert" role="alert">{remove.error.message}</div> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
        {group ? <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>Delete group</button> : null}
      </div>
      {group ? (
        <ConfirmDialog open={confirmDelete} title={`Delete the group ${group.name}?`} confirmLabel="Delete group" busy={remove.isPending} onConfirm={deleteGroup} onCancel={() => setConfirmDelete(false)}>
          <p>Its {group.memberCount} member(s) stay in the organization but lose what the group gave them.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
