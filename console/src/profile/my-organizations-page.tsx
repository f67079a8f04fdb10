/**
 * @module My Organizations (seed 001: "If you are a member of multiple organizations, you can choose
 * which organization to access by going to the My Organizations link from the profile drop down"):
 * every organization the user belongs to with their role in it, Open to switch (the session
 * remembers it, and the organization's Users page opens), and a form that creates another
 * organization, which the user owns.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import { useMyOrganizations, useSwitchOrganization } from '../auth/session';
import { TextField } from '../components/field';
import { Empty, ErrorState, Loading } from '../components/states';
import { organizationPath } from '../shell/nav';
import { useCreateOrganization } from './queries';

export function MyOrganizationsPage() {
  const [, navigate] = useLocation();
  const organizations = useMyOrganizations(true);
  const switchOrganization = useSwitchOrganization();

  const open = (organizationId: string) => {
    switchOrganization.mutate(organizationId, { onSuccess: () => navigate(organizationPath(organizationId)) });
  };

  return (
    <div className="profile">
      <h1 className="page-title">My Organizations</h1>
      <section className="profile-card" aria-labelledby="organizations-title">
        <h2 id="organizations-title">Organizations you belong to</h2>
        <p className="muted">The organization you open is the one you work in until you choose another. Whoever created an organization is its owner.</p>
        {switchOrganization.error ? <div className="form-alert" role="alert">{switchOrganization.error.message}</div> : null}
        {organizations.isPending ? <Loading label="Loading your organizations…" />
          : organizations.isError ? <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
            : organizations.data.length === 0 ? <Empty>You belong to no organization yet. Create one below.</Empty> : (
              <ul className="organization-list" aria-label="My Organizations">
                {organizations.data.map((m) => (
                  <li key={m.organization.id} className="organization">
                    <div className="organization-main">
                      <strong>{m.organization.name}</strong>
                      {m.current ? <span className="tag">Current</span> : null}
                      <span className="muted">{m.status === 'active' ? `Your role: ${m.role}` : 'Your membership is inactive'}</span>
                    </div>
                    {m.status === 'active' ? (
                      <button type="button" className="button" onClick={() => open(m.organization.id)} disabled={switchOrganization.isPending}
                        aria-label={`Open ${m.organization.name}`}>
                        Open
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
      </section>
      <CreateOrganization onCreated={open} />
    </div>
  );
}

function CreateOrganization({ onCreated }: { onCreated(organizationId: string): void }) {
  const [name, setName] = useState('');
  const create = useCreateOrganization();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = create.error ? formErrors(create.error, ['name']) : NO_ERRORS;
  useEffect(() => {
    if (create.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [create.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, { onSuccess: (organization) => onCreated(organization.id) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="profile-card" aria-labelledby="create-organization-title">
      <h2 id="create-organization-title">Create a new organization</h2>
      <p className="muted">You become its owner and can invite your team from its Users page. Your other organizations stay as they are.</p>
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <TextField label="Organization name" name="name" required autoComplete="organization" value={name} error={errors.fields.name}
        onChange={(e) => setName(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create organization'}</button>
      </div>
    </form>
  );
}
