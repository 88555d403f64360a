// A source's day written the way the draft writes its days: a quick fix restores the fact, not another house style.
import type { DateClaim } from '../model/types';

const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Abbreviations with a point, as news style writes them: the short months are spelled out. */
const POINTED = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const MONTH_WORD = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "24 November", "24th November 2025", "24 Nov." */
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})(,?\s+\d{4})?$`);
/** "November 24", "Nov. 24, 2025", "Nov 24th" */
const MONTH_FIRST = new RegExp(String.raw`^(${MONTH_WORD})\s+(\d{1,2})(?:st|nd|rd|th)?(,?\s+\d{4})?$`);

/** The month as the draft's month word is written: in full, with a point, or cut short. */
function monthLike(written: string, month: number): string {
  if (written.endsWith('.')) return POINTED[month - 1];
  return written.length <= 4 && !FULL.includes(written) ? SHORT[month - 1] : FULL[month - 1];
}

/** The source's calendar day: its own, or the day its weekday resolves to against its document's date. */
function calendarDay(source: DateClaim): { year?: number; month: number; day: number } | undefined {
  if (source.granularity === 'day' && source.month !== undefined && source.day !== undefined) return { year: source.year, month: source.month, day: source.day };
  if (source.granularity === 'weekday' && source.resolved) {
    const [year, month, day] = source.resolved.split('-').map(Number);
    return { year, month, day };
  }
  return undefined;
}

/**
 * The source date as the draft would write it, when the draft names a calendar day ("Oct. 4" against a source's
 * "14 October" gives "Oct. 14"; "24 November" against a source's "Tuesday" that is 25 November gives "25 November").
 * Otherwise the source's own words.
 */
export function inDraftStyle(draft: DateClaim, source: DateClaim): string {
  const day = draft.granularity === 'day' ? calendarDay(source) : undefined;
  if (!day) return source.text;
  const text = draft.text.trim();
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(text);
  if (!dayFirst && !monthFirst) return source.text;
  const yearPart = (dayFirst ?? monthFirst)![3];
  const year = day.year ?? draft.year;
  const withYear = (s: string) => (yearPart && year !== undefined ? s + yearPart.replace(/\d{4}/, String(year)) : s);
  if (dayFirst) return withYear(`${day.day} ${monthLike(dayFirst[2], day.month)}`);
  return withYear(`${monthLike(monthFirst![1], day.month)} ${day.day}`);
}
