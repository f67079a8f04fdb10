/**
 * @module An import's progress while the server works through the file: rows processed out of all,
 * from the import the server reports (asked three times a second); until it shows, the bar just moves.
 */
import type { Import } from './queries';

export function ImportProgress({ current }: { current: Pick<Import, 'processedRows' | 'totalRows' | 'invitedRows'> | null }) {
  const label = current
    ? `Importing… ${current.processedRows.toLocaleString('en')} of ${current.totalRows.toLocaleString('en')} rows processed, ${current.invitedRows.toLocaleString('en')} invited`
    : 'Importing…';
  return (
    <div className="import-progress">
      <progress aria-label="Import progress" max={current?.totalRows || undefined} value={current ? current.processedRows : undefined} />
      <p role="status">{label}</p>
    </div>
  );
}
