// Dates: absolute and partial dates (chrono-node), bare years, weekdays resolved against the document's date, durations.
import * as chrono from 'chrono-node';
import type { DateClaim, Span } from '../model/types';
import type { Sentence } from '../text/segment';
import { parseNumberAt } from './numbers';
import { insideSpans } from '../model/spans';

const NAMED = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/i;
const MAY_VERB = /\bmay\s+(?:be|have|not|also|still|well|need|want|take|make|come|go|get|become|seek|help|lead|face|prove|change|happen|include|use|allow|affect|require|reflect|lose|win|hold|see|find|give|keep|mean|offer|force|struggle|try|decide|soon|never|already|yet|only|even)\b/i;
const YEAR = /(?<![\d,.:/-])(1[89]\d\d|20\d\d)(?!\d|[,:/.-]\d)/g;
const DURATION =
  /\b(?:(nearly|almost|about|around|more than|over|at least|less than|some|roughly|the last|the past|last|past)\s+)?((?:\d+(?:\.\d+)?)|(?:[a-z]+(?:-[a-z]+)?))[\s-](years?|months?)\b/gi;

/** Whether extractDates could find anything in `text` (named dates and years, or durations): a cheap test. */
export function mayHoldDates(text: string): boolean {
  return NAMED.test(text) || /(?:year|month)s?\b/i.test(text);
}

export interface DateOptions {
  /** The document's own date (ISO), against which "on Tuesday" resolves. */
  documentDate?: string;
  /** Day-first numeric dates (03.12.2025 = 3 December). */
  dayFirst?: boolean;
}

export function extractDates(text: string, sentences: readonly Sentence[], quoteSpans: readonly Span[], options: DateOptions = {}): DateClaim[] {
  const out: DateClaim[] = [];
  // Day-first (en-GB) only where the text reads numeric dates day-first; casual English reads both "14 October" and "Nov. 25".
  const parser = options.dayFirst === true ? chrono.en.GB : chrono.en.casual;
  const ref = options.documentDate ? new Date(options.documentDate + 'T12:00:00Z') : undefined;
  const inQuote = (at: number) => insideSpans(quoteSpans, at);
  sentences.forEach((sentence, s) => {
    const taken: Span[] = [];
    const push = (claim: Omit<DateClaim, 'kind' | 'sentence' | 'inQuote' | 'text'>) => {
      taken.push(claim.span);
      out.push({ kind: 'date', sentence: s, inQuote: inQuote(claim.span.start), text: text.slice(claim.span.start, claim.span.end), ...claim });
    };
    if (NAMED.test(sentence.text)) {
      for (const result of parser.parse(sentence.text, ref ?? new Date(), { forwardDate: false })) {
        const raw = result.text.replace(/[\s,.]+$/, '');
        if (!NAMED.test(raw)) continue;
        const lead = /^(?:on|in|the)\s+/i.exec(raw)?.[0].length ?? 0;
        const start = sentence.start + result.index + lead;
        const span = { start, end: sentence.start + result.index + raw.length };
        const c = result.start;
        const rawLower = raw.toLowerCase();
        // "may" as a verb is not the month; chrono sometimes takes it.
        if (/^may$/i.test(raw.slice(lead)) && MAY_VERB.test(sentence.text.slice(result.index))) continue;
        if (/^may\b/i.test(raw.slice(lead)) && !/\d/.test(raw) && /\bmay\b/.test(sentence.text.slice(result.index, result.index + 3))) continue;
        const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month');
        if (weekdayOnly) {
          const weekday = c.get('weekday') ?? 0;
          const forward = /\bnext\s+$/i.test(sentence.text.slice(0, result.index + lead)) || /^next\b/i.test(raw);
          push({ span, granularity: 'weekday', weekday, resolved: options.documentDate ? resolveWeekday(options.documentDate, weekday, forward) : undefined });
          continue;
        }
        if (!c.isCertain('month') && !c.isCertain('year')) continue;
        if (/\b(?:this|last|next|ago|today|tomorrow|yesterday)\b/.test(rawLower)) continue;
        const year = c.isCertain('year') ? c.get('year') ?? undefined : undefined;
        const month = c.isCertain('month') ? c.get('month') ?? undefined : undefined;
        const day = c.isCertain('day') ? c.get('day') ?? undefined : undefined;
        if (month === undefined && year === undefined) continue;
        // A day without a year is in the document's year (chrono implies it from the reference date).
        const impliedYear = year ?? (day !== undefined && ref ? c.get('year') ?? undefined : undefined);
        const resolved = day !== undefined && month !== undefined && impliedYear !== undefined ? isoDate(impliedYear, month, day) : undefined;
        push({ span, granularity: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year', year, month, day, resolved, weekday: c.isCertain('weekday') ? c.get('weekday') ?? undefined : undefined });
      }
    }
    // Bare years ("annexed in 2014", "Ukraine's 2014 annexation") that chrono leaves alone.
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(sentence.text); m; m = YEAR.exec(sentence.text)) {
      const start = sentence.start + m.index;
      if (taken.some((t) => t.start <= start && start < t.end)) continue;
      if (/^\s+(?:people|troops|soldiers|civilians|residents|km|kilometres|miles|dollars|euros)\b/i.test(sentence.text.slice(m.index + 4))) continue;
      if (!/(?:\b(?:the|in|since|of|by|from|until|before|after|during)|['’]s)\s+$/i.test(sentence.text.slice(0, m.index)) && /^\s+[a-z]+s\b/.test(sentence.text.slice(m.index + 4))) continue;
      push({ span: { start, end: start + 4 }, granularity: 'year', year: Number(m[1]) });
    }
    DURATION.lastIndex = 0;
    for (let m = DURATION.exec(sentence.text); m; m = DURATION.exec(sentence.text)) {
      const parsed = parseNumberAt(m[2]);
      if (!parsed || parsed.compound && parsed.compound !== m[3].toLowerCase()) continue;
      // "a two-year-old child" is an age, not how long something lasted.
      if (/^[\s-]old\b/i.test(sentence.text.slice(m.index + m[0].length))) continue;
      const unitYears = m[3].toLowerCase().startsWith('month') ? 1 / 12 : 1;
      const value = parsed.value * unitYears;
      const q = (m[1] ?? '').toLowerCase();
      // "the last two years of the war" is a stretch within it, not how long anything lasted.
      if (/^(?:the )?(?:last|past)$/.test(q)) continue;
      const [low, high] =
        q === 'nearly' || q === 'almost' ? [value - 0.5, value] :
        q === 'more than' || q === 'over' || q === 'at least' ? [value, Infinity] :
        q === 'less than' ? [0, value] : q === 'about' || q === 'around' || q === 'some' || q === 'roughly' ? [value - 0.5, value + 0.5] : [value, value + 0.99 * unitYears];
      const start = sentence.start + m.index;
      push({ span: { start, end: start + m[0].length }, granularity: 'duration', years: value, low, high });
    }
  });
  return out;
}

/**
 * The most recent `weekday` on or before `iso` (news copy says "on Tuesday" of the week it reports), or with
 * `forward` ("next Monday") the first one after it.
 */
export function resolveWeekday(iso: string, weekday: number, forward = false): string {
  const date = new Date(iso + 'T12:00:00Z');
  const shift = forward ? ((weekday - date.getUTCDay() + 7) % 7 || 7) : -((date.getUTCDay() - weekday + 7) % 7);
  date.setUTCDate(date.getUTCDate() + shift);
  return date.toISOString().slice(0, 10);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
