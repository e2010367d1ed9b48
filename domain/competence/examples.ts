// Example competence types for demo data (renewal intervals are examples: the cooperation decides its own).
import type { CompetenceType, CompetenceTypeValues } from './types';

export const EXAMPLE_COMPETENCE_KEYS = ['akuttmedisinkurs', 'voldOgOvergrep', 'hlr', 'triage', 'vaksinasjon', 'spesialistAllmenn', 'lisAlis'] as const;
export type ExampleCompetenceKey = (typeof EXAMPLE_COMPETENCE_KEYS)[number];

const CLINICAL = ['doctor', 'doctorInTraining', 'nurse'] as const;

export const EXAMPLE_COMPETENCE_TYPES: Readonly<Record<ExampleCompetenceKey, CompetenceTypeValues>> = {
  akuttmedisinkurs: {
    name: 'Akuttmedisinkurs',
    category: 'course',
    renewalMonths: 24,
    appliesTo: [...CLINICAL],
    requiredFor: ['legevakt', 'emergencyNurse'],
    description: 'Kurs i akuttmedisin for legevakt og akuttmedisinsk sykepleier (eksempel på intervall).',
  },
  voldOgOvergrep: {
    name: 'Vold- og overgrepskurs',
    category: 'course',
    renewalMonths: null,
    appliesTo: [...CLINICAL],
    requiredFor: ['legevakt'],
    description: 'Kurs i volds- og overgrepshåndtering for legevaktpersonell.',
  },
  hlr: {
    name: 'HLR/AHLR',
    category: 'course',
    renewalMonths: 12,
    appliesTo: ['doctor', 'doctorInTraining', 'nurse', 'secretary', 'other'],
    requiredFor: [],
    description: 'Hjerte-lunge-redning; avansert HLR for leger og sykepleiere.',
  },
  triage: {
    name: 'Triagekurs',
    category: 'course',
    renewalMonths: 36,
    appliesTo: ['nurse', 'secretary'],
    requiredFor: [],
    description: null,
  },
  vaksinasjon: {
    name: 'Vaksinasjon',
    category: 'certificate',
    renewalMonths: 24,
    appliesTo: ['nurse'],
    requiredFor: [],
    description: 'Opplæring i vaksinasjon og håndtering av anafylaksi.',
  },
  spesialistAllmenn: {
    name: 'Spesialist i allmennmedisin',
    category: 'specialism',
    renewalMonths: null,
    appliesTo: ['doctor'],
    requiredFor: [],
    description: null,
  },
  lisAlis: {
    name: 'LIS/ALIS',
    category: 'specialism',
    renewalMonths: null,
    appliesTo: ['doctorInTraining'],
    requiredFor: [],
    description: 'Lege i spesialisering i allmennmedisin (ALIS-avtale).',
  },
};

/** The example types with fresh ids from `newId` (pass a UUIDv7 generator), keyed for wiring up routines and records. */
export function exampleCompetenceTypes(newId: () => string): Record<ExampleCompetenceKey, CompetenceType> {
  const entries = EXAMPLE_COMPETENCE_KEYS.map((key) => [key, { id: newId(), ...EXAMPLE_COMPETENCE_TYPES[key] }] as const);
  return Object.fromEntries(entries) as Record<ExampleCompetenceKey, CompetenceType>;
}
