// The statistics export file (CSV or XLSX): one row per office and period, no identities, Norwegian headings.
import { CONTACT_KINDS, OUTCOMES } from '../../domain/consultations/entry';
import type { ContactKind, Outcome } from '../../domain/consultations/entry';
import { ICPC2_CHAPTERS } from '../../domain/consultations/icpc2-starter';
import type { StatisticsRow } from '../../domain/consultations/statistics';
import { toCsv } from '../../domain/files/csv';
import { writeXlsx } from './spreadsheets';

const CONTACT_HEADINGS: Record<ContactKind, string> = { inPerson: 'Oppmøte', phone: 'Telefon', video: 'Video' };
const OUTCOME_HEADINGS: Record<Outcome, string> = {
  resolvedByNurse: 'Løst av sykepleier',
  doctorByPhone: 'Drøftet med lege (telefon)',
  doctorByVideo: 'Drøftet med lege (video)',
  bookedWithDoctor: 'Time hos lege',
  sentToLegevakt: 'Sendt til legevakt',
  emergency113: 'Akutt (113)',
};

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export async function consultationExport(
  rows: readonly StatisticsRow[],
  officeNames: ReadonlyMap<string, string>,
  options: { format: 'csv' | 'xlsx'; period: 'week' | 'month'; fromDate: string; toDate: string },
): Promise<ExportFile> {
  const chapters = Object.keys(ICPC2_CHAPTERS).filter((letter) => rows.some((row) => (row.byChapter[letter] ?? 0) > 0));
  const header = [
    'Kontor',
    options.period === 'week' ? 'Uke' : 'Måned',
    'Antall',
    'Løst uten lege',
    'Andel løst uten lege (%)',
    ...CONTACT_KINDS.map((kind) => CONTACT_HEADINGS[kind]),
    ...OUTCOMES.map((outcome) => OUTCOME_HEADINGS[outcome]),
    ...chapters.map((letter) => `ICPC-2 ${letter} ${ICPC2_CHAPTERS[letter] ?? ''}`.trim()),
  ];
  const body = rows.map((row) => [
    officeNames.get(row.officeId) ?? row.officeId,
    row.period,
    row.count,
    row.resolvedWithoutDoctor,
    Math.round(row.shareResolvedWithoutDoctor * 1000) / 10,
    ...CONTACT_KINDS.map((kind) => row.byContact[kind]),
    ...OUTCOMES.map((outcome) => row.byOutcome[outcome]),
    ...chapters.map((letter) => row.byChapter[letter] ?? 0),
  ]);
  const baseName = `konsultasjoner-${options.fromDate}-${options.toDate}`;
  if (options.format === 'csv') {
    return { fileName: `${baseName}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(toCsv([header, ...body]), 'utf8').toString('base64') };
  }
  const bytes = await writeXlsx('Konsultasjoner', header, body);
  return { fileName: `${baseName}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: Buffer.from(bytes).toString('base64') };
}
