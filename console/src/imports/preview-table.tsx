/**
 * @module The dry run's preview: every row of the file with what will happen to it — invited, or
 * skipped with each problem named by its column — 100 rows at a time, or only the rows with problems.
 */
import { useMemo, useState } from 'react';
import type { PreviewRow } from './csv-rows';
import type { ImportProblem } from './queries';

const STEP = 100;

interface Props {
  rows: PreviewRow[];
  problems: ImportProblem[];
  roleName(key: string): string;
  caption: string;
  /** Offer "Only rows with problems" (pointless where every row listed has some). */
  filterable?: boolean;
}

export function PreviewTable({ rows, problems, roleName, caption, filterable = true }: Props) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [shown, setShown] = useState(STEP);
  const byRow = useMemo(() => {
    const map = new Map<number, ImportProblem[]>();
    for (const p of problems) map.set(p.row, [...(map.get(p.row) ?? []), p]);
    return map;
  }, [problems]);
  const listed = onlyProblems ? rows.filter((r) => byRow.has(r.row)) : rows;

  return (
    <div className="preview">
      {filterable && byRow.size > 0 ? (
        <label className="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => { setOnlyProblems(e.target.checked); setShown(STEP); }} />
          Only rows with problems
        </label>
      ) : null}
      <div className="table-wrap">
        <table className="data-table preview-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr><th scope="col" className="col-row">Row</th><th scope="col">Email</th><th scope="col" className="col-detail">Name</th><th scope="col" className="col-detail">Role</th><th scope="col">Outcome</th></tr>
          </thead>
          <tbody>
            {listed.slice(0, shown).map((r) => {
              const rowProblems = byRow.get(r.row);
              return (
                <tr key={r.row} className={rowProblems ? 'row-problem' : undefined}>
                  <td className="col-row">{r.row}</td>
                  <td className="cell-wrap">{r.email || <span className="muted">(none)</span>}</td>
                  <td className="col-detail">{[r.firstName, r.lastName].filter(Boolean).join(' ')}</td>
                  <td className="col-detail">{roleName(r.role || 'member')}</td>
                  <td>
                    {rowProblems ? (
                      <ul className="problem-list">
                        {rowProblems.map((p, i) => <li key={i}><strong>{p.field ?? 'row'}</strong>: {p.message}</li>)}
                      </ul>
                    ) : <span className="tag tag-ok">Will be invited</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {listed.length > shown ? (
        <button type="button" className="button load-more" onClick={() => setShown((s) => s + STEP)}>Show {Math.min(STEP, listed.length - shown)} more rows</button>
      ) : null}
    </div>
  );
}
