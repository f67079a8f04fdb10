/**
 * @module Seed 002's module list: one row per module (the application's data sets) with the columns
 * Read, Create, Update and Delete, and a "–Show–" link to the right of the module name that expands
 * the row into its controls ("–Hide–" folds it back). A folded row still shows what is set, so the
 * matrix reads at a glance; the same table serves roles, groups and user-specific permissions.
 */
import { useState, type ReactNode } from 'react';
import { ACTIONS, capitalize, modulePermission } from './catalog';

interface Props {
  modules: readonly string[];
  /** The table's name, e.g. "Module permissions of Sales". */
  caption: string;
  /** The control for one action of an expanded module; `label` names it ("Read leads"). */
  control(permission: string, label: string): ReactNode;
  /** What a folded module shows for one action. */
  summary(permission: string): ReactNode;
}

export function ModuleMatrix({ modules, caption, control, summary }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (module: string) => setExpanded((open) => {
    const next = new Set(open);
    if (next.has(module)) next.delete(module);
    else next.add(module);
    return next;
  });
  if (modules.length === 0) {
    return <p className="muted">No modules yet. The application registers its data sets as modules (<code>POST …/modules</code>).</p>;
  }
  const allOpen = modules.every((m) => expanded.has(m));
  return (
    <div className="matrix-wrap">
      <div className="matrix-tools">
        <button type="button" className="link-button" onClick={() => setExpanded(allOpen ? new Set() : new Set(modules))}>{allOpen ? 'Hide all' : 'Show all'}</button>
      </div>
      <table className="matrix">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            {ACTIONS.map((a) => <th key={a} scope="col">{capitalize(a)}</th>)}
          </tr>
        </thead>
        <tbody>
          {modules.map((module) => {
            const open = expanded.has(module);
            return (
              <tr key={module} className={open ? 'matrix-open' : undefined}>
                <th scope="row">
                  <span className="matrix-module">{module}</span>
                  <button type="button" className="link-button matrix-toggle" aria-expanded={open} onClick={() => toggle(module)}>
                    {open ? '–Hide–' : '–Show–'}<span className="sr-only"> {module}</span>
                  </button>
                </th>
                {ACTIONS.map((action) => {
                  const permission = modulePermission(module, action);
                  return <td key={action}>{open ? control(permission, `${capitalize(action)} ${module}`) : summary(permission)}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A folded cell of a permission set: a tick or a dot, read out as words. */
export function Held({ held }: { held: boolean }) {
  return held
    ? <span className="held"><span aria-hidden="true">✓</span><span className="sr-only">granted</span></span>
    : <span className="not-held"><span aria-hidden="true">·</span><span className="sr-only">not granted</span></span>;
}
