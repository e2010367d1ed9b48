// Tests for the retention cut-off date.
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention';

describe('retentionCutoff', () => {
  it('counts back whole calendar months', () => {
    expect(retentionCutoff('2026-11-27', 24)).toBe('2024-11-27');
    expect(retentionCutoff('2026-01-15', 1)).toBe('2025-12-15');
    expect(retentionCutoff('2026-03-15', 15)).toBe('2024-12-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(retentionCutoff('2026-05-31', 3)).toBe('2026-02-28');
    expect(retentionCutoff('2028-05-31', 3)).toBe('2028-02-29');
  });
});
