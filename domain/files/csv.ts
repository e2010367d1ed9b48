// CSV text in and out: parsing files offices export from Excel (semicolon or comma, quotes, BOM) and writing exports.

/**
 * Splits CSV text into rows of cells. The delimiter is a tab when the first line has one (tab-separated text, as the
 * official code files are published), else ';' when the first line has more semicolons than commas, else ','.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quote(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rows as CSV for Norwegian Excel: ';' between cells, CRLF line ends, a BOM so Excel reads UTF-8 (æøå), and
 * decimal commas in numbers. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((value) => {
        if (value === null) return '';
        if (typeof value === 'number') return String(value).replace('.', ',');
        const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
        return quote(safe);
      })
      .join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
