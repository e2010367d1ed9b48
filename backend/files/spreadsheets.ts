// Reading the tables users upload (CSV or XLSX) and writing XLSX exports, so handlers deal only in rows of text.
import ExcelJS from 'exceljs';
import { parseCsv } from '../../domain/files/csv';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** Thrown when a file is not a readable CSV or XLSX file; the handler turns it into a message for the user. */
export class UnreadableFileError extends Error {}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip file: "PK\3\4"
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The format by content, not by name: a renamed file still reads, and a picture named .csv is refused. */
export function detectFormat(bytes: Uint8Array): SpreadsheetFormat | null {
  if (XLSX_MAGIC.every((byte, i) => bytes[i] === byte)) return 'xlsx';
  const sample = bytes.subarray(0, 4096);
  if (sample.some((byte) => byte === 0)) return null; // binary, not text
  return 'csv';
}

/** Text in UTF-8, or Windows-1252 (older Norwegian Excel exports) when it is not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result as unknown);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

/** The rows of the first worksheet (XLSX) or of the file (CSV), as text cells. */
export async function readTable(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UnreadableFileError('too large');
  const format = detectFormat(bytes);
  if (format === null) throw new UnreadableFileError('not a table');
  if (format === 'csv') return parseCsv(decodeText(bytes));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('not an xlsx file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 2); c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** One sheet with a bold header row and widths that fit; numbers stay numbers so Excel can sum them. */
export async function writeXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samvakt';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(header[index]?.length ?? 0, ...rows.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(40, Math.max(8, longest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
