// Competence register domain: types and records, expiry computation, states on a date, expiry list, matrix, duty coverage and CSV export.
export * from './types';
export * from './expiry';
export * from './state';
export * from './matrix';
export * from './expiring';
export * from './coverage';
export * from './csv';
export * from './examples';
