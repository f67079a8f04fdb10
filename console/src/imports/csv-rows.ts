/**
 * @module The rows of an import file as the preview shows them: read with the same CSV reader and
 * numbering as the server (the header is row 1, as a spreadsheet numbers rows; blank lines are no
 * invitees), so each problem of the dry run lands on its row. The reader is loaded with the import
 * page alone, not with the rest of the console.
 */
export interface PreviewRow {
  row: number;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
}

/** The file's rows, or null when the browser can not read it as CSV (the server's answer then says why). */
export async function readPreviewRows(text: string): Promise<PreviewRow[] | null> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    return null;
  }
  const header = (records[0] ?? []).map((c) => c.trim().toLowerCase());
  const cell = (record: string[], name: string) => {
    const i = header.indexOf(name.toLowerCase());
    return i < 0 ? '' : (record[i] ?? '').trim();
  };
  const rows: PreviewRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.every((c) => c.trim() === '')) continue;
    rows.push({ row: r + 1, email: cell(record, 'email'), firstName: cell(record, 'firstName'), lastName: cell(record, 'lastName'), role: cell(record, 'role') });
  }
  return rows;
}
