/**
 * The CSV rules of bulk import and export (seed 004 "add users in bulk") as pure functions: reading
 * a file, checking a row's grants against the catalogue and the importer, and defusing formulas.
 */
import { describe, expect, it } from 'vitest';
import { RosterError } from '../../src/domain/errors.js';
import { checkImportGrants, readImportFile, type ImportCatalog, type ImportRow } from '../../src/domain/imports.js';
import { safeCell } from '../../src/domain/member-export.js';
import { permissionSet } from '../../src/domain/permissions.js';

const refused = (text: string): string => {
  try {
    readImportFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).code).toBe('import.invalid_csv');
    return (error as RosterError).message;
  }
  throw new Error('the file was accepted');
};

const CATALOG: ImportCatalog = {
  roles: new Map<string, { permissions: string[]; resourceScopes: Record<string, 'one' | 'granted' | 'all'> }>([
    ['owner', { permissions: ['*'], resourceScopes: {} }],
    ['admin', { permissions: ['*'], resourceScopes: {} }],
    ['member', { permissions: ['members.read'], resourceScopes: {} }],
    ['partner', { permissions: [], resourceScopes: { partner: 'one' } }],
  ]),
  groups: new Map([['sales', { id: 'g1', name: 'Sales', permissions: ['members.read'] }], ['auditors', { id: 'g2', name: 'Auditors', permissions: ['audit.read'] }]]),
  permissions: new Set(['members.read', 'audit.read', 'issue_comments.access', 'integrations.access']),
  allowedRoles: new Map([['integrations.access', new Set(['normal'])]]),
  resourceTypes: new Set(['partner']),
  resources: new Map([['partner', new Set(['acme', 'globex'])]]),
};

const row = (fields: Partial<ImportRow>): ImportRow => ({
  row: 2, email: 'a@example.com', firstName: null, lastName: null, role: 'member', groups: [], permissions: [], resources: [], malformedResources: [], note: null, ...fields,
});

describe('reading an import file', () => {
  it('reads the documented columns in any order and case, numbering rows as a spreadsheet does', () => {
    const file = readImportFile('\uFEFFNote,EMAIL,groups,resources\r\n"Hello, you",a@example.com,Sales; Support ;,partner:acme;partner:a:b\r\n\r\n,b@example.com,,\r\n');
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      { row: 2, email: 'a@example.com', firstName: null, lastName: null, role: 'member', groups: ['Sales', 'Support'], permissions: [], resources: [{ type: 'partner', id: 'acme' }, { type: 'partner', id: 'a:b' }], malformedResources: [], note: 'Hello, you' },
      { row: 4, email: 'b@example.com', firstName: null, lastName: null, role: 'member', groups: [], permissions: [], resources: [], malformedResources: [], note: null },
    ]);
  });

  it('refuses an unknown column naming it, a repeated column, a header without email, broken quoting and an empty file', () => {
    expect(refused('email,shoeSize\na@example.com,42\n')).toContain('"shoeSize"');
    expect(refused('email,Email\na@example.com,b@example.com\n')).toContain('twice');
    expect(refused('firstName\nAda\n')).toContain('email');
    expect(refused('email,note\na@example.com,"open\n')).toContain('not valid CSV');
    expect(refused('')).toContain('empty');
    expect(refused('email\n')).toContain('no rows');
    expect(refused('email\na\u0000@example.com\n')).toContain('NUL');
  });

  it('accepts the export\'s own columns and ignores them, taking off the apostrophe put before a formula', () => {
    const file = readImportFile('username,email,firstName,status,joinedAt\nada,ada@example.com,\'=Ada,active,2026-01-01T00:00:00.000Z\n');
    expect(file.rows[0]).toMatchObject({ email: 'ada@example.com', firstName: '=Ada' });
  });

  it('reports more cells than columns and cells over their length, row by row', () => {
    const file = readImportFile(`email,firstName\na@example.com,A,surplus\nb@example.com,${'x'.repeat(101)}\nc@example.com,C,\n`);
    expect(file.problems).toEqual([
      { row: 2, field: null, message: 'This row has 3 cells; the header names 2 columns' },
      { row: 3, field: 'firstName', message: 'Longer than 100 characters' },
    ]);
  });
});

describe('checking an import row against the importer', () => {
  const owner = { permissions: permissionSet(['*']), holdsResource: () => true };
  const reader = { permissions: permissionSet(['members.read', 'members.invite']), holdsResource: () => false };

  it('turns a valid row into its grants', () => {
    const checked = checkImportGrants(row({ role: 'partner', groups: ['sales', 'SALES'], permissions: ['issue_comments.access'], resources: [{ type: 'partner', id: 'acme' }] }), CATALOG, owner);
    expect(checked).toEqual({ problems: [], grants: { role: 'partner', permissions: ['issue_comments.access'], groupIds: ['g1'], resources: { partner: ['acme'] } } });
  });

  it('nobody gives a role, group, permission or resource beyond what they hold', () => {
    const checked = checkImportGrants(row({ role: 'admin', groups: ['Auditors'], permissions: ['audit.read'], resources: [{ type: 'partner', id: 'acme' }] }), CATALOG, reader);
    expect(checked.grants).toBeNull();
    expect(checked.problems.map((p) => p.field)).toEqual(['role', 'groups', 'permissions', 'resources']);
  });

  it('refuses the owner role, unknown names, a permission limited to other roles, and a Partner without exactly one partner (seed 003)', () => {
    expect(checkImportGrants(row({ role: 'owner' }), CATALOG, owner).problems[0]!.message).toContain('transferring ownership');
    expect(checkImportGrants(row({ role: 'nosuch' }), CATALOG, owner).problems[0]!.message).toContain('No role "nosuch"');
    expect(checkImportGrants(row({ groups: ['Nope'] }), CATALOG, owner).problems[0]!.message).toContain('No group "Nope"');
    expect(checkImportGrants(row({ permissions: ['no.such'] }), CATALOG, owner).problems[0]!.message).toContain('Unknown permission');
    expect(checkImportGrants(row({ permissions: ['integrations.access'] }), CATALOG, owner).problems[0]!.message).toContain('can not be given to the member role');
    expect(checkImportGrants(row({ resources: [{ type: 'region', id: 'eu' }] }), CATALOG, owner).problems[0]!.message).toContain('No resource type');
    expect(checkImportGrants(row({ resources: [{ type: 'partner', id: 'initech' }] }), CATALOG, owner).problems[0]!.message).toContain('No partner "initech"');
    expect(checkImportGrants(row({ malformedResources: ['acme'] }), CATALOG, owner).problems[0]!.message).toContain('type:id');
    const twoPartners = checkImportGrants(row({ role: 'partner', resources: [{ type: 'partner', id: 'acme' }, { type: 'partner', id: 'globex' }] }), CATALOG, owner);
    expect(twoPartners.problems.map((p) => p.message)).toEqual(['The partner role needs exactly one partner: name it as partner:<id>']);
  });
});

describe('defusing formulas in the export', () => {
  it('puts an apostrophe before a cell a spreadsheet would run, and leaves others alone', () => {
    for (const formula of ['=1+1', '+1 555 0100', '-2', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(formula)).toBe(`'${formula}`);
    for (const plain of ['Ada', 'a=b', '', '1+1']) expect(safeCell(plain)).toBe(plain);
    expect(safeCell(null)).toBe('');
  });
});
