/**
 * @module Seed 003's Delete: the selected users, or every user of the organization once "Select all"
 * is taken past the rows shown, after a confirmation. When the organization deactivates instead of
 * deleting, the API's own message is shown.
 */
import { useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useDeleteMembers } from './queries';

export interface Selection {
  ids: Set<string>;
  /** Every member of the organization but the owner and the signed-in user (the API's `all`). */
  all: boolean;
}

interface Props {
  organizationId: string;
  selection: Selection;
  moreExist: boolean;
  allShownSelected: boolean;
  onSelectAllMembers(): void;
  onDeleted(count: number): void;
  onFailed(message: string): void;
}

export function BulkDelete({ organizationId, selection, moreExist, allShownSelected, onSelectAllMembers, onDeleted, onFailed }: Props) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteMembers(organizationId);
  const count = selection.ids.size;
  const any = selection.all || count > 0;

  const confirm = () => {
    remove.mutate(selection.all ? { all: true } : { userIds: [...selection.ids] }, {
      onSuccess: (result) => onDeleted(result.affected),
      onError: (error) => onFailed(error.message),
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <div className="bulk">
      {allShownSelected && moreExist && !selection.all ? (
        <button type="button" className="link-button" onClick={onSelectAllMembers}>Select all users of the organization</button>
      ) : null}
      <button type="button" className="button button-danger-outline" disabled={!any} onClick={() => setConfirming(true)}>
        {selection.all ? 'Delete all' : count > 0 ? `Delete (${count})` : 'Delete'}
      </button>
      <ConfirmDialog open={confirming} title={selection.all ? 'Delete every user?' : `Delete ${count} ${count === 1 ? 'user' : 'users'}?`}
        confirmLabel="Delete" busy={remove.isPending} onConfirm={confirm} onCancel={() => setConfirming(false)}>
        <p>{selection.all
          ? 'Every user of this organization, active and inactive, except the owner and you, will be removed from it.'
          : 'The selected users will be removed from this organization.'} This can not be undone; the history keeps their names.</p>
        <p className="muted">To keep a user's record, deactivate them instead.</p>
      </ConfirmDialog>
    </div>
  );
}
