// Tests for interval union, covered minutes and uncovered parts.
import { describe, expect, it } from 'vitest';
import { coveredMinutes, mergeSpans, overlapMinutes, uncoveredParts } from './intervals';

const M = 60_000;
const span = (start: number, end: number) => ({ startMs: start * M, endMs: end * M });

describe('intervals', () => {
  it('merges overlapping and touching spans and drops empty ones', () => {
    expect(mergeSpans([span(50, 60), span(0, 10), span(10, 20), span(15, 30), span(40, 40)])).toEqual([span(0, 30), span(50, 60)]);
    expect(coveredMinutes([span(0, 30), span(20, 40), span(100, 110)])).toBe(50);
    expect(coveredMinutes([])).toBe(0);
  });

  it('finds the uncovered parts of a target', () => {
    expect(uncoveredParts(span(0, 100), [])).toEqual([span(0, 100)]);
    expect(uncoveredParts(span(0, 100), [span(-10, 200)])).toEqual([]);
    expect(uncoveredParts(span(0, 100), [span(10, 20), span(30, 40), span(90, 120)])).toEqual([span(0, 10), span(20, 30), span(40, 90)]);
    expect(uncoveredParts(span(0, 100), [span(-50, -10), span(150, 160)])).toEqual([span(0, 100)]);
    expect(uncoveredParts(span(0, 100), [span(0, 100)])).toEqual([]);
  });

  it('measures overlap', () => {
    expect(overlapMinutes(span(0, 60), span(30, 90))).toBe(30);
    expect(overlapMinutes(span(0, 60), span(60, 90))).toBe(0);
    expect(overlapMinutes(span(0, 60), span(70, 90))).toBe(0);
  });
});
