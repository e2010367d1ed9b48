// Delegated routines domain: routine versions and schemas, the versioning rule, authorisation events, the nurse's "may I use it" check and criteria assessment.
export * from './types';
export * from './reasons';
export * from './versions';
export * from './authorisations';
export * from './mayUse';
export * from './confirmations';
export * from './assessment';
export { EXAMPLE_MARK, EXAMPLE_ROUTINES, exampleRoutines, isExampleRoutine } from './examples';
export type { ExampleRoutineOptions, ExampleRoutineTemplate } from './examples';
