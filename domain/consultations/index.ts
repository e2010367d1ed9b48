// Consultation log domain: identity-number validation and masking, and the ICPC-2 starter list with search and chapters.
export * from './identity';
export * from './icpc2-starter';
