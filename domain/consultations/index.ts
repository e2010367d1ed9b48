// Consultation log domain: entries and their rules, amendments, identity numbers, ICPC-2 codes and import, statistics and retention.
export * from './identity';
export * from './icpc2-starter';
export * from './entry';
export * from './amendments';
export * from './statistics';
export * from './retention';
export * from './icpc2-import';
export * from './synthetic';
export * from './icpc2-status';
export * from './consultation-date';
