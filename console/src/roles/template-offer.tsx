/**
 * @module Offers the ready-made setups the organization has not applied yet: seed 003's partner
 * network makes the Partner and Normal roles (Admin is built in), the Partner resource type and the
 * three permissions of the invitation page. Applying creates only what is missing.
 */
import { ApiError } from '../api/client';
import { useTemplates } from '../permissions/queries';
import { useApplyTemplate } from './queries';

const TITLES: Record<string, string> = { 'partner-network': 'Partner network: Partner, Normal and Admin roles' };

export function TemplateOffer({ organizationId, onNotice }: { organizationId: string; onNotice(message: string | null): void }) {
  const templates = useTemplates(organizationId);
  const apply = useApplyTemplate(organizationId);
  const offered = (templates.data ?? []).filter((t) => !t.applied);
  if (offered.length === 0) return null;
  return (
    <div className="template-offer">
      {offered.map((t) => (
        <div key={t.name} className="template">
          <h3>{TITLES[t.name] ?? t.name}</h3>
          <ul>
            {t.roles.map((r) => <li key={r.key}><strong>{r.name}</strong>: {r.description}</li>)}
            <li><strong>Admin</strong> (built in): every permission and every resource.</li>
          </ul>
          <p className="muted">Adds the permissions {t.permissions.map((p) => p.description.split(':')[0]).join(', ')}.</p>
          <button type="button" className="button" disabled={apply.isPending}
            onClick={() => apply.mutate(t.name, { onSuccess: (r) => onNotice(`Template applied: ${r.created.length > 0 ? r.created.join(', ') : 'nothing was missing'}.`) })}>
            {apply.isPending ? 'Applying…' : 'Apply template'}
          </button>
          {apply.error ? <p className="field-error" role="alert">{apply.error instanceof ApiError ? apply.error.message : 'The template could not be applied.'}</p> : null}
        </div>
      ))}
    </div>
  );
}
