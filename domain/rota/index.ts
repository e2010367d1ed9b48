// Rota domain: shift/absence/pattern types and schemas, pattern expansion, week copying and the weekly rule check.
export * from './types';
export * from './patterns';
export * from './copyWeek';
export * from './warnings';
export * from './rules';
export { describeShift, describeShiftPlace } from './messages';
export { coveredMinutes, mergeSpans, overlapMinutes, uncoveredParts } from './intervals';
