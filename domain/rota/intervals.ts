// Half-open time intervals [startMs, endMs) on the UTC line: merge, total length and the parts of one interval left uncovered.
import type { TimeSpan } from '../calendar/oslo';

/** Sorted, non-overlapping union of spans (touching spans are joined). Empty spans are dropped. */
export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans.filter((span) => span.endMs > span.startMs).sort((a, b) => a.startMs - b.startMs);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.startMs <= last.endMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ startMs: span.startMs, endMs: span.endMs });
  }
  return merged;
}

/** Total minutes covered by the union of spans (overlaps counted once). */
export function coveredMinutes(spans: readonly TimeSpan[]): number {
  let total = 0;
  for (const span of mergeSpans(spans)) total += span.endMs - span.startMs;
  return Math.round(total / 60_000);
}

/** The parts of `target` that no span covers, in time order. */
export function uncoveredParts(target: TimeSpan, spans: readonly TimeSpan[]): TimeSpan[] {
  const gaps: TimeSpan[] = [];
  let cursor = target.startMs;
  for (const span of mergeSpans(spans)) {
    if (span.endMs <= cursor) continue;
    if (span.startMs >= target.endMs) break;
    if (span.startMs > cursor) gaps.push({ startMs: cursor, endMs: span.startMs });
    cursor = Math.max(cursor, span.endMs);
    if (cursor >= target.endMs) break;
  }
  if (cursor < target.endMs) gaps.push({ startMs: cursor, endMs: target.endMs });
  return gaps;
}

/** Minutes of overlap between two spans (0 when they only touch or are apart). */
export function overlapMinutes(a: TimeSpan, b: TimeSpan): number {
  const ms = Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
  return ms > 0 ? Math.round(ms / 60_000) : 0;
}
