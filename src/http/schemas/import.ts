/**
 * @module Schemas of CSV imports: the query of an import request, a dry run's report, an import with
 * its progress, and the refusal of an all-or-nothing import that lists every row's problem.
 */
import { Type } from 'typebox';
import { Id, Nullable, Problem, Strict, Timestamp } from './common.js';

export const ImportMode = Type.Union([Type.Literal('skip_invalid'), Type.Literal('all_or_nothing')], {
  description: 'skip_invalid invites the valid rows and reports the others; all_or_nothing imports nothing unless every row is valid',
});

export const ImportQuery = Type.Object({
  mode: Type.Optional(Type.Union([Type.Literal('skip_invalid'), Type.Literal('all_or_nothing')], { default: 'all_or_nothing', description: 'all_or_nothing unless given' })),
  dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check every row and report its problems; change nothing' })),
}, Strict);

export const ImportProblem = Type.Object({
  row: Type.Integer({ description: 'The row in the file, the header being row 1, as a spreadsheet numbers rows' }),
  field: Nullable(Type.String({ description: 'The column at fault; null for the row as a whole' })),
  message: Type.String(),
});

export const Import = Type.Object({
  id: Id,
  mode: ImportMode,
  status: Type.Union([Type.Literal('running'), Type.Literal('finished'), Type.Literal('failed')]),
  totalRows: Type.Integer(),
  processedRows: Type.Integer({ description: 'Rows handled so far: invited plus skipped' }),
  invitedRows: Type.Integer({ description: 'Rows whose address was invited, or whose pending invitation was sent again with the row\'s terms' }),
  skippedRows: Type.Integer(),
  createdBy: Nullable(Id),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  problems: Type.Optional(Type.Array(ImportProblem, { description: 'Every problem of every skipped row; left out of lists' })),
});

export const DryRunReport = Type.Object({
  dryRun: Type.Literal(true),
  mode: ImportMode,
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  invalidRows: Type.Integer(),
  problems: Type.Array(ImportProblem),
});

/** Problem details of a refused all-or-nothing import, with every row's problem. */
export const ImportRejected = Type.Object({ ...Problem.properties, problems: Type.Array(ImportProblem) }, { description: 'import.rows_invalid: nothing was imported' });
