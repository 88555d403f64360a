// Looking up offsets in spans that are in order and do not overlap (quotations, sentences), by binary search.
import type { Span } from './types';

/**
 * The index of the first item for which `before` is false, by binary search; `items` must be ordered so that `before`
 * is true for a prefix of them and false for the rest (e.g. spans ending before an offset). `items.length` if none.
 */
export function firstNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `offset` lies in one of `spans` (start inclusive, end exclusive); `spans` in order, not overlapping. */
export function insideSpans(spans: readonly Span[], offset: number): boolean {
  // The last span starting at or before the offset is the only one that can hold it.
  const after = firstNotBefore(spans, (s) => s.start <= offset);
  return after > 0 && offset < spans[after - 1].end;
}
