/**
 * @module Asks before a destructive action: a modal alert dialog (React Aria: focus kept inside,
 * Escape cancels, focus goes back to the button that opened it) whose confirm button names the action.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onCancel }: Props) {
  return (
    <ModalOverlay isOpen={open} onOpenChange={(isOpen) => { if (!isOpen) onCancel(); }} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog-title">{title}</Heading>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onCancel} autoFocus>Cancel</button>
            <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>{busy ? 'Working…' : confirmLabel}</button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
