// Looking up offsets in spans that are in order and do not overlap (quotations, sentences), by binary search.
import type { Span } from './types';

/** Whether `offset` lies in one of `spans` (start inclusive, end exclusive); `spans` in order, not overlapping. */
export function insideSpans(spans: readonly Span[], offset: number): boolean {
  // The last span starting at or before the offset is the only one that can hold it.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < spans[lo - 1].end;
}
