/**
 * @module Import CSV (seed 004 "add users in bulk"): choose a file, see a dry run's preview of every
 * row (invited, or skipped with each problem by row and column) while nothing is changed yet, then
 * import: the valid rows are invited, the progress shown while the server works through the file,
 * then the outcome with the problems of every skipped row.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'wouter';
import { ErrorState, Loading } from '../components/states';
import { organizationPath } from '../shell/nav';
import { useRoles } from '../users/queries';
import { readPreviewRows, type PreviewRow } from './csv-rows';
import { ImportProgress } from './import-progress';
import { PreviewTable } from './preview-table';
import { problemsOf, useDryRun, useRecentImports, useRunImport } from './queries';

const count = (n: number) => n.toLocaleString('en');

const COLUMNS = 'email, firstName, lastName, role, groups, permissions, resources, note';

export function ImportPage({ organizationId }: { organizationId: string }) {
  const [file, setFile] = useState<{ name: string; text: string; rows: PreviewRow[] | null } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const dryRun = useDryRun(organizationId);
  const run = useRunImport(organizationId);
  const recent = useRecentImports(organizationId, run.isPending);
  // The imports there were before this one started: the new one is the first not among them.
  const known = useRef<Set<string> | null>(null);
  const roles = useRoles(organizationId);
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key;
  const inputId = useId();
  const invitations = organizationPath(organizationId, 'invitations');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    dryRun.reset();
    run.reset();
    setReadError(null);
    setFile(null);
    if (!chosen) return;
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      setReadError(`${chosen.name} could not be read.`);
      return;
    }
    setFile({ name: chosen.name, text, rows: await readPreviewRows(text) });
    dryRun.mutate(text);
  };

  const start = async () => {
    if (!file) return;
    const before = await recent.refetch();
    known.current = new Set((before.data ?? []).map((i) => i.id));
    run.mutate(file.text);
  };

  const report = dryRun.data;
  const running = run.isPending ? (recent.data ?? []).find((i) => known.current !== null && !known.current.has(i.id)) ?? null : null;
  const rowsOf = (problems: { row: number }[]) => file?.rows ?? [...new Set(problems.map((p) => p.row))].map((row) => ({ row, email: '', firstName: '', lastName: '', role: '' }));

  return (
    <section className="page import-page" aria-labelledby="page-title">
      <p className="breadcrumb"><Link href={invitations}>Invitations</Link> <span aria-hidden="true">›</span></p>
      <h1 id="page-title">Import CSV</h1>
      <div className="card">
        <div className="field">
          <label htmlFor={inputId}>CSV file</label>
          <input id={inputId} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} disabled={run.isPending} aria-describedby={`${inputId}-hint`} />
          <p id={`${inputId}-hint`} className="field-hint">
            The first row names the columns: {COLUMNS}. Only email is required; the role is member unless given; lists are separated by semicolons,
            resources written as type:id. Every valid row gets an invitation email.
          </p>
        </div>
        {readError ? <div className="form-alert" role="alert">{readError}</div> : null}
      </div>

      {dryRun.isPending ? <div className="card"><Loading label={`Checking ${file?.name ?? 'the file'}…`} /></div> : null}
      {dryRun.isError ? <div className="card"><ErrorState error={dryRun.error} /></div> : null}

      {report && file && !run.isSuccess ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview of {file.name}</h2>
          <p className="muted">A dry run: nothing has been imported yet.</p>
          <p role="status" className="summary">
            {count(report.totalRows)} {report.totalRows === 1 ? 'row' : 'rows'}: {count(report.validRows)} will be invited
            {report.invalidRows > 0 ? `, ${count(report.invalidRows)} ${report.invalidRows === 1 ? 'has problems and will be skipped' : 'have problems and will be skipped'}` : ''}.
          </p>
          <PreviewTable rows={rowsOf(report.problems)} problems={report.problems} roleName={roleName} caption={`Preview of ${file.name}, row by row`} />
          {run.isPending ? <ImportProgress current={running} /> : (
            <div className="form-actions">
              <button type="button" className="button button-primary" disabled={report.validRows === 0} onClick={() => void start()}>
                {report.invalidRows > 0 ? `Import ${count(report.validRows)} valid ${report.validRows === 1 ? 'row' : 'rows'}` : `Import ${count(report.validRows)} ${report.validRows === 1 ? 'row' : 'rows'}`}
              </button>
            </div>
          )}
          {run.isError ? (
            <div className="form-alert" role="alert">
              {run.error.message}
              {problemsOf(run.error).length > 0 ? <PreviewTable rows={rowsOf(problemsOf(run.error))} problems={problemsOf(run.error)} roleName={roleName} caption="Rows that stopped the import" filterable={false} /> : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {run.data ? (
        <section className="card" aria-labelledby="outcome-title">
          <h2 id="outcome-title">Import finished</h2>
          <p role="status" className="notice">
            {count(run.data.invitedRows)} of {count(run.data.totalRows)} {run.data.totalRows === 1 ? 'row was' : 'rows were'} invited
            {run.data.skippedRows > 0 ? `; ${count(run.data.skippedRows)} skipped` : ''}.
          </p>
          {run.data.problems && run.data.problems.length > 0 ? (
            <>
              <h3>Skipped rows</h3>
              <PreviewTable rows={rowsOf(run.data.problems).filter((r) => run.data.problems!.some((p) => p.row === r.row))} problems={run.data.problems} roleName={roleName} caption="Skipped rows and their problems" filterable={false} />
            </>
          ) : null}
          <div className="form-actions">
            <Link href={invitations} className="button button-primary">View invitations</Link>
          </div>
        </section>
      ) : null}
    </section>
  );
}
