// ICPC-2 code handlers: the codes the consultation form offers (with the yearly import reminder), and importing an office's official code list (tab-separated text, CSV or XLSX) with a preview.
import { z } from 'zod';
import { checkIcpc2Rows } from '../../domain/consultations/icpc2-import';
import { ICPC2_STARTER } from '../../domain/consultations/icpc2-starter';
import { icpc2ImportReminder } from '../../domain/consultations/icpc2-status';
import { utcMsToOslo } from '../../domain/calendar/oslo';
import { requiredText } from '../../domain/validation';
import { listAuditEvents } from '../../db/audit';
import { listImportedIcpc2Codes, saveImportedIcpc2Codes } from '../../db/consultations';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { auditUserAction } from '../core/security-audit';
import { readTable, UnreadableFileError } from '../files/spreadsheets';

const fileInput = z.object({ fileName: requiredText(200), contentBase64: z.string().max(8 * 1024 * 1024, 'tooLong') });

/** The Oslo date of the newest import of the official list (its audit event), or null when none was ever made. */
function lastImportDate(ctx: CallContext): string | null {
  const [last] = listAuditEvents(ctx.store.db, { actions: ['icpc2.imported'], limit: 1 });
  return last ? utcMsToOslo(Date.parse(last.at)).date : null;
}

/**
 * ICPC-2 codes to choose from: the starter list, with the office's imported official texts taking precedence; and
 * when the list was last imported, with the yearly reminder (`icpc2ImportReminder`) at today's Oslo date.
 */
function icpc2Codes(ctx: CallContext) {
  const imported = new Map(listImportedIcpc2Codes(ctx.store.db).map((row) => [row.code, row.text]));
  const starter = ICPC2_STARTER.map((code) => ({ code: code.code, title: imported.get(code.code) ?? code.title, keywords: [...(code.keywords ?? []), ...(imported.has(code.code) ? [code.title] : [])] }));
  const starterCodes = new Set(ICPC2_STARTER.map((code) => code.code));
  const extra = [...imported].filter(([code]) => !starterCodes.has(code)).map(([code, title]) => ({ code, title, keywords: [] as string[] }));
  const lastImport = lastImportDate(ctx);
  const today = utcMsToOslo(ctx.now().getTime()).date;
  return { codes: [...starter, ...extra], importedCount: imported.size, lastImportDate: lastImport, reminder: icpc2ImportReminder(lastImport, today) };
}

async function readIcpc2File(ctx: CallContext, input: z.output<typeof fileInput>) {
  let rows: string[][];
  try {
    rows = await readTable(Buffer.from(input.contentBase64, 'base64'));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new AppError('consultations.importUnreadable', { fileName: input.fileName });
    throw error;
  }
  const check = checkIcpc2Rows(rows, utcMsToOslo(ctx.now().getTime()).date);
  if (check.accepted.length === 0) throw new AppError('consultations.importEmpty', { fileName: input.fileName, rejected: check.rejected.length });
  return check;
}

/** Reads an ICPC-2 code file (official tab-separated text, CSV or XLSX) and reports what would be imported, skipped and rejected. */
async function previewIcpc2Import(ctx: SignedInContext, input: z.output<typeof fileInput>) {
  const check = await readIcpc2File(ctx, input);
  return { acceptedCount: check.accepted.length, sample: check.accepted.slice(0, 20), rejected: check.rejected, headerSkipped: check.headerSkipped, skipped: check.skipped };
}

/** Saves the accepted codes; the import is recorded (even when nothing changed) so the yearly reminder knows it was made. */
async function importIcpc2Codes(ctx: SignedInContext, input: z.output<typeof fileInput>) {
  const check = await readIcpc2File(ctx, input);
  const counts = ctx.store.writer.write((changes) => {
    const saved = saveImportedIcpc2Codes(changes, check.accepted);
    auditUserAction(ctx, changes, { action: 'icpc2.imported', details: { fileName: input.fileName, ...saved, rejected: check.rejected.length, skipped: check.skipped } });
    return saved;
  });
  return { ...counts, rejected: check.rejected.length, skipped: check.skipped };
}

export const icpc2Handlers = {
  'consultations.icpc2Codes': defineHandler({ access: 'signedIn', input: z.object({}), run: icpc2Codes }),
  'consultations.icpc2ImportPreview': defineHandler({ access: ['lead', 'admin'], input: fileInput, run: previewIcpc2Import }),
  'consultations.icpc2Import': defineHandler({ access: ['lead', 'admin'], changes: 'consultations', input: fileInput, run: importIcpc2Codes }),
};
export type Icpc2Handlers = typeof icpc2Handlers;
