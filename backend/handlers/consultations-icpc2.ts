// ICPC-2 code handlers: the codes the consultation form offers, and importing an office's official code list (CSV or XLSX) with a preview.
import { z } from 'zod';
import { checkIcpc2Rows } from '../../domain/consultations/icpc2-import';
import { ICPC2_STARTER } from '../../domain/consultations/icpc2-starter';
import { requiredText } from '../../domain/validation';
import { listImportedIcpc2Codes, saveImportedIcpc2Codes } from '../../db/consultations';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { readTable, UnreadableFileError } from '../files/spreadsheets';

const fileInput = z.object({ fileName: requiredText(200), contentBase64: z.string().max(8 * 1024 * 1024, 'tooLong') });

/** ICPC-2 codes to choose from: the starter list, with the office's imported official texts taking precedence. */
function icpc2Codes(ctx: CallContext) {
  const imported = new Map(listImportedIcpc2Codes(ctx.store.db).map((row) => [row.code, row.text]));
  const starter = ICPC2_STARTER.map((code) => ({ code: code.code, title: imported.get(code.code) ?? code.title, keywords: [...(code.keywords ?? []), ...(imported.has(code.code) ? [code.title] : [])] }));
  const starterCodes = new Set(ICPC2_STARTER.map((code) => code.code));
  const extra = [...imported].filter(([code]) => !starterCodes.has(code)).map(([code, title]) => ({ code, title, keywords: [] as string[] }));
  return { codes: [...starter, ...extra], importedCount: imported.size };
}

async function readIcpc2File(input: z.output<typeof fileInput>) {
  let rows: string[][];
  try {
    rows = await readTable(Buffer.from(input.contentBase64, 'base64'));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new AppError('consultations.importUnreadable', { fileName: input.fileName });
    throw error;
  }
  const check = checkIcpc2Rows(rows);
  if (check.accepted.length === 0) throw new AppError('consultations.importEmpty', { fileName: input.fileName, rejected: check.rejected.length });
  return check;
}

/** Reads an ICPC-2 code file (CSV or XLSX: code, text) and reports what would be imported and which lines are rejected. */
async function previewIcpc2Import(_ctx: SignedInContext, input: z.output<typeof fileInput>) {
  const check = await readIcpc2File(input);
  return { acceptedCount: check.accepted.length, sample: check.accepted.slice(0, 20), rejected: check.rejected, headerSkipped: check.headerSkipped };
}

async function importIcpc2Codes(ctx: SignedInContext, input: z.output<typeof fileInput>) {
  const check = await readIcpc2File(input);
  const counts = ctx.store.writer.write((changes) => saveImportedIcpc2Codes(changes, check.accepted));
  return { ...counts, rejected: check.rejected.length };
}

export const icpc2Handlers = {
  'consultations.icpc2Codes': defineHandler({ access: 'signedIn', input: z.object({}), run: icpc2Codes }),
  'consultations.icpc2ImportPreview': defineHandler({ access: ['lead', 'admin'], input: fileInput, run: previewIcpc2Import }),
  'consultations.icpc2Import': defineHandler({ access: ['lead', 'admin'], changes: 'consultations', input: fileInput, run: importIcpc2Codes }),
};
export type Icpc2Handlers = typeof icpc2Handlers;
