/**
 * @module Settings → Terms (seed 002: "you will be presented with the … end user license
 * agreement. The new user must accept the terms to continue"): the current version and when it
 * was published, and a form to publish a new version, which members accept at their next sign-in.
 */
import { useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { TextAreaField, TextField } from '../components/field';
import { ErrorState, Loading } from '../components/states';
import { formatTime } from '../components/time';
import { LIMITS } from './limits';
import { usePublishTerms, useTerms } from './queries';

export function TermsSettings({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const terms = useTerms(organizationId);
  if (terms.isPending) return <Loading />;
  if (terms.isError) return <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />;
  const current = terms.data;
  return (
    <div className="terms">
      <div className="terms-current">
        <h3 id="terms-current-title">Current terms</h3>
        {current ? (
          <>
            <dl className="facts">
              <div><dt>Version</dt><dd>{current.version}</dd></div>
              <div><dt>Published</dt><dd><time dateTime={current.publishedAt}>{formatTime(current.publishedAt)}</time></dd></div>
            </dl>
            <div className="terms-text" tabIndex={0} role="region" aria-label={`Terms version ${current.version}`}>{current.text}</div>
          </>
        ) : <p className="muted">No terms published yet. Members are asked to accept nothing of this organization's.</p>}
      </div>
      {canManage ? <PublishTerms organizationId={organizationId} currentText={current?.text ?? ''} />
        : <p className="notice-info">Only members with the permission to manage settings can publish terms.</p>}
    </div>
  );
}

const FIELDS = ['version', 'text'] as const;

function PublishTerms({ organizationId, currentText }: { organizationId: string; currentText: string }) {
  const publish = usePublishTerms(organizationId);
  const [version, setVersion] = useState('');
  const [text, setText] = useState(currentText);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = publish.error ? formErrors(publish.error, FIELDS) : NO_ERRORS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    publish.mutate({ version, text }, {
      onSuccess: (published) => {
        setNotice(`Version ${published.version} is published. Members accept it at their next sign-in.`);
        setVersion('');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="settings-form" aria-labelledby="publish-title">
      <h3 id="publish-title">Publish a new version</h3>
      <p className="field-hint settings-lead">
        Every member, new or not, must accept the current version before doing anything else, at their next sign-in; sessions already
        open go on. A published version keeps its text: a change is published as a new version.
      </p>
      {errors.form ? <div className="form-alert" role="alert">{errors.form}</div> : null}
      <TextField label="Version" name="version" required value={version} onChange={(e) => setVersion(e.target.value)} error={errors.fields.version}
        hint={`For example 2026-11 or 3.1; up to ${LIMITS.termsVersion.max} characters, not one published before.`} />
      <TextAreaField label="Terms text" name="text" required rows={10} value={text} onChange={(e) => setText(e.target.value)} error={errors.fields.text}
        hint="Shown to members exactly as written." />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={publish.isPending}>{publish.isPending ? 'Publishing…' : 'Publish terms'}</button>
      </div>
      <div role="status" className="settings-status">{notice ? <p className="notice">{notice}</p> : null}</div>
    </form>
  );
}
