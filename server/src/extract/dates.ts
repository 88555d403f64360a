// Dates: absolute and partial dates (chrono-node), bare years, weekdays resolved against the document's date, durations.
import * as chrono from 'chrono-node';
import type { DateClaim, Span } from '../model/types';
import type { Sentence } from '../text/segment';
import { parseNumberAt } from './numbers';
import { insideSpans } from '../model/spans';
import { qualifierBefore, type QualifierLabel } from './qualifiers';
import { toldAsTotal } from './totals';

const NAMED = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/i;
const MAY_VERB = /\bmay\s+(?:be|have|not|also|still|well|need|want|take|make|come|go|get|become|seek|help|lead|face|prove|change|happen|include|use|allow|affect|require|reflect|lose|win|hold|see|find|give|keep|mean|offer|force|struggle|try|decide|soon|never|already|yet|only|even)\b/i;
// "in the 2000s" is a decade, not the year 2000.
const YEAR = /(?<![\d,.:/-])(1[89]\d\d|20\d\d)(?!\d|[,:/.-]\d|s\b)/g;
const DURATION = /\b((?:\d+(?:\.\d+)?)|(?:[a-z]+(?:-[a-z]+)?))[\s-](years?|months?)\b/gi;
/** Characters before a length of time read for its qualifier (see qualifierBefore): bounded, longer than any. */
const QUALIFIER_WINDOW = 30;

type DurationBounds = Pick<DateClaim, 'low' | 'high' | 'lowOpen' | 'highOpen' | 'ceiling'>;
/**
 * A length of time's interval by its qualifier, in years (`unit`: the length's own unit, in years). Half that unit
 * either way: "almost six months" is not "almost eight months". "Nearly 11 years" stops short of 11 and "more than 11
 * years" starts past it: the two never meet. "Faces up to 40 years" is the most it can be: any shorter term fits it,
 * another ceiling does not.
 */
const DURATION_BOUNDS: Record<QualifierLabel, (value: number, unit: number) => DurationBounds> = {
  nearly: (v, unit) => ({ low: v - 0.5 * unit, high: v, highOpen: true }),
  'just under': (v, unit) => ({ low: v - 0.5 * unit, high: v, highOpen: true }),
  'just over': (v, unit) => ({ low: v, high: v + 0.5 * unit, lowOpen: true }),
  'more than': (v) => ({ low: v, high: Infinity, lowOpen: true }),
  'at least': (v) => ({ low: v, high: Infinity }),
  'fewer than': (v) => ({ low: 0, high: v, highOpen: true }),
  'up to': (v) => ({ low: 0, high: v, ceiling: true }),
  about: (v, unit) => ({ low: v - 0.5 * unit, high: v + 0.5 * unit }),
};

const AND_MONTHS = /^\s+and\s+((?:\d+(?:\.\d+)?)|(?:[a-z]+))[\s-]months?\b(?!\s+(?:later|earlier|after|before|ago)\b)/i;

/** Whether extractDates could find anything in `text` (named dates and years, or durations): a cheap test. */
export function mayHoldDates(text: string): boolean {
  return NAMED.test(text) || /(?:year|month)s?\b/i.test(text);
}

export interface DateOptions {
  /** The document's own date (ISO), against which "on Tuesday" resolves. */
  documentDate?: string;
  /** Day-first numeric dates (03.12.2025 = 3 December). */
  dayFirst?: boolean;
  /** The place of the document's dateline ("Kyiv"): where its days begin and end. */
  zone?: string;
  /** Offset of the document's reference list: dates from there on date other documents. */
  referencesFrom?: number;
}

const MONTH_OR_DAY_NAMES = ('january february march april may june july august september october november december jan feb mar apr ' +
  'jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun').split(' ');
const CAPITALISED_MONTHS_AND_DAYS = MONTH_OR_DAY_NAMES.map((w) => w[0].toUpperCase() + w.slice(1)).join('|');
/** A capitalised word just before a year that is a name's ("Cup 2022"), not a month, season, feast, preposition or possessive ("Ukraine's 2014"). */
const NAME_BEFORE_YEAR = new RegExp(
  String.raw`(?:^|[^\p{L}])(?!(?:${CAPITALISED_MONTHS_AND_DAYS}|Spring|Summer|Autumn|Fall|Winter|Christmas|Easter|In|Since|By|From|Until|Till|Before|After|During|Of|The|And|Or|For|Through|To|At|On|Around|About|Circa|Late|Early|Mid|Between|Than|Year|FY|Q[1-4]|H[12])(?![\p{L}]))\p{Lu}[\p{L}’'-]*(?<!['’]s)\s$`,
  'u',
);
/** Words that open a sentence but never a dateline's place: prepositions, time words, months and weekdays. */
const NOT_PLACE = [...MONTH_OR_DAY_NAMES, 'on', 'in', 'at', 'by', 'since', 'until', 'last', 'next', 'early', 'late', 'for', 'from', 'after', 'before', 'during', 'when', 'while', 'as', 'but', 'and', 'then', 'now', 'today', 'yesterday', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i']
  .flatMap((w) => [w[0].toUpperCase() + w.slice(1), w.toUpperCase()]).join('|');
const PLACE_WORD = String.raw`(?!(?:${NOT_PLACE})(?![\p{L}]))\p{Lu}[\p{L}'’.-]*`;
const DATELINE = new RegExp(
  String.raw`^[ \t>*_#]*(${PLACE_WORD}(?: ${PLACE_WORD}){0,3}(?:, ${PLACE_WORD}(?: ${PLACE_WORD}){0,2})?)` + // place, maybe ", Country"
    String.raw`( *\([^()\n]{1,30}\))?` + // (Reuters)
    String.raw`(?:,? +([\p{L}\d.,/ -]{3,30}?))?` + // date
    String.raw`( *\([^()\n]{1,30}\))?` + // LONDON, March 3 (Reuters) -
    String.raw` *(?:—|–|--?)(?:[ \t\n]|$)`,
  'u', // anchored at the text's start only: a later line is no dateline
);
const DATE_WORDS_ONLY = /^(?:[\d.,/ -]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?)+$/i;

export interface Dateline {
  /** The place, as written ("Kyiv", "WASHINGTON"). */
  place: string;
  /** The dateline's date as written, if any ("26 November 2025"). */
  date?: string;
  /** Where the dateline ends in the text given. */
  end: number;
}

/**
 * A dateline opening `text` ("KYIV (Reuters) -", "Kyiv, 26 November 2025 —", "WASHINGTON, Nov. 25, 2025 —"): where the
 * story was filed and when, not an event of the story.
 */
export function datelineAt(text: string): Dateline | undefined {
  const m = DATELINE.exec(text.slice(0, 120));
  if (!m) return undefined;
  const [, place, agency, date, agencyAfter] = m;
  if (date !== undefined && !(/\d/.test(date) && DATE_WORDS_ONLY.test(date))) return undefined;
  // Without a date, only a capitalised place or an agency in brackets marks a dateline ("Zelensky, Putin — …" does not).
  if (date === undefined && !agency && !agencyAfter && place !== place.toUpperCase()) return undefined;
  return { place: place.split(',')[0].trim(), date, end: m[0].length };
}

/** A label that makes the date after it the document's own: "Published", "Updated 18:02 GMT,", "date". */
const LABEL_BEFORE =
  /(?:^|\n)[ \t>*_#]*(?:(?:first|last) +)?(?:published|updated|posted|modified|filed|dated?|timestamp)(?: *:)?(?: +by +[^\n]{1,40}?)?(?: +(?:on|at))?(?: *\d{1,2}[:.]\d{2}(?: *[ap]\.?m\.?)?(?: *\(?[a-z]{2,5}\)?)?,?)? *$/i;
/** What is left of a metadata line (a timestamp, a bare date) once its dates, times and labels are gone: nothing. */
const METADATA_TOKENS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|modified|filed|dated?|timestamp|last|first|on|at|gmt|utc|bst|cet|cest|eet|eest|est|edt|et|pt|local|time|[ap]\.?m)\b\.?|[^\p{L}]+/giu;
/** "By Orla Quint | 4 April 2024": a name, then the line ends or a separator follows ("By Christmas 2023 the…" is prose). */
const BYLINE = new RegExp(String.raw`^[ \t>*_#]*By +${PLACE_WORD}(?: +${PLACE_WORD}){1,3} *(?:$|[|,·•—–-])`, 'u');
const REFERENCE_LINE = /\b(?:Retrieved|Accessed|Archived)\b|[.,] *(?:retrieved|accessed|archived)\b|^[ \t]*(?:\[\d{1,3}\]|\^)/;
/** A dateline the sentence splitter cut after an abbreviated month: "WASHINGTON, NOV." then "25, 2025 —". */
const DATELINE_HEAD = new RegExp(String.raw`^[ \t>*_#]*\p{Lu}[\p{Lu} .'’-]+,(?: *(?:${MONTH_OR_DAY_NAMES.map((w) => w[0].toUpperCase() + w.slice(1)).join('|')}|${MONTH_OR_DAY_NAMES.join('|').toUpperCase()})\.?)+ *$`, 'u');
const DATELINE_TAIL = /^[ \t]*\d{1,2}, *\d{4} *(?:\([^()\n]{1,30}\) *)?(?:—|–|--?)(?: |$)/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]"'“”]+/gi;
/** How far around a date its line is read: a longer line is prose, not a timestamp. */
const LINE_REACH = 120;

/**
 * Whether the date at `start`..`end` of a sentence's text states no event: it is in the dateline (`datelineEnd`), a
 * publication or update line, a metadata line (byline, timestamp, bare date), a reference-list entry or a URL.
 */
function notAnEventDate(text: string, start: number, end: number, datelineEnd: number, urls: readonly Span[]): boolean {
  if (start < datelineEnd) return true;
  if (urls.some((u) => u.start <= start && start < u.end) || inPath(text, start, end)) return true;
  if (DATELINE_HEAD.test(text)) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > LINE_REACH) return false;
  if (LABEL_BEFORE.test(text.slice(lineStart, start))) return true;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  if (lineEnd - end > LINE_REACH) return false;
  const line = text.slice(lineStart, lineEnd);
  return BYLINE.test(line) || REFERENCE_LINE.test(line) || !/\p{L}/u.test(line.replace(METADATA_TOKENS, ''));
}

/**
 * A date inside a path-like word ("rulings/2023-06-14/quay-mill"): part of a link whose start the sentence splitter may
 * have cut off. A numeric date's own slashes do not count.
 */
function inPath(text: string, start: number, end: number): boolean {
  const before = /\S{0,100}$/.exec(text.slice(Math.max(0, start - 100), start))?.[0] ?? '';
  const after = /^\S{0,100}/.exec(text.slice(end, end + 100))?.[0] ?? '';
  return /[/=?&#_]/.test(before.slice(-1) + after.slice(0, 1)) || (/\//.test(before + after) && /[\p{L}\d]/u.test(before.slice(-1) + after.slice(0, 1)));
}

/**
 * "the highest rate since December 2008", "the sixth rise since December", "Most Since 1995": a superlative or an
 * ordinal, then "since", in the same clause: the date is the base of the comparison.
 */
const COMPARISON_BASE_BEFORE =
  /\b(?:highest|lowest|biggest|largest|smallest|steepest|sharpest|fastest|slowest|strongest|weakest|worst|best|deadliest|longest|shortest|greatest|heaviest|hottest|coldest|wettest|driest|busiest|most|least|first|only|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b[^,;.!?]{0,50}\bsince\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/i;

/**
 * "higher than in 2019", "lower than when they lost the seats in 2019": a comparative, "than", then the time compared
 * with, in the same clause: the date is the base of the comparison too ("no later than" sets a deadline instead).
 */
const COMPARED_WITH_BEFORE = /(?<!\bno\s+)\b(?:\p{L}+er|more|less|fewer)\s+than\s+(?:when\b[^,;.!?]{0,60}|(?:in|on|at|during)\s+(?:the\s+)?)$/iu;

/** "late Monday", "overnight", "early Tuesday", "Monday night", "(local time)": a time near midnight somewhere. */
const NEAR_MIDNIGHT_BEFORE = /\b(?:late|early|overnight|into|(?:night|evening|morning|(?:early )?hours) of)(?: on)? +$/i;
const NEAR_MIDNIGHT_AFTER = /^[ ,]*(?:night|evening|morning|overnight|into\b|\(?local time\b)/i;

export function extractDates(text: string, sentences: readonly Sentence[], quoteSpans: readonly Span[], options: DateOptions = {}): DateClaim[] {
  const out: DateClaim[] = [];
  // Day-first (en-GB) only where the text reads numeric dates day-first; casual English reads both "14 October" and "Nov. 25".
  const parser = options.dayFirst === true ? chrono.en.GB : chrono.en.casual;
  const ref = options.documentDate ? new Date(options.documentDate + 'T12:00:00Z') : undefined;
  const inQuote = (at: number) => insideSpans(quoteSpans, at);
  let paragraph = -1;
  let paragraphStart = 0;
  let paragraphDatelineEnd = 0;
  sentences.forEach((sentence, s) => {
    if (options.referencesFrom !== undefined && sentence.start >= options.referencesFrom) return;
    const taken: Span[] = [];
    // The dateline opens the paragraph, though the sentence splitter may cut it ("WASHINGTON, NOV." / "25, 2025 —").
    if (sentence.paragraph !== paragraph) {
      [paragraph, paragraphStart] = [sentence.paragraph, sentence.start];
      paragraphDatelineEnd = paragraphStart + (datelineAt(text.slice(paragraphStart, paragraphStart + 120))?.end ?? 0);
    }
    const datelineEnd = Math.max(paragraphDatelineEnd - sentence.start, DATELINE_TAIL.exec(sentence.text)?.[0].length ?? 0);
    const urls = /https?:|www\./i.test(sentence.text) ? [...sentence.text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
    const push = (claim: Omit<DateClaim, 'kind' | 'sentence' | 'inQuote' | 'text'>) => {
      taken.push(claim.span);
      const start = claim.span.start - sentence.start;
      const end = claim.span.end - sentence.start;
      if (notAnEventDate(sentence.text, start, end, datelineEnd, urls)) return;
      const nearMidnight =
        NEAR_MIDNIGHT_BEFORE.test(sentence.text.slice(Math.max(0, start - 30), start)) ||
        NEAR_MIDNIGHT_AFTER.test(sentence.text.slice(end, end + 30)) ||
        /\b(?:night|evening|morning|midnight)\b/i.test(sentence.text.slice(start, end));
      const before = sentence.text.slice(Math.max(0, start - 80), start);
      const base = COMPARISON_BASE_BEFORE.test(before) || COMPARED_WITH_BEFORE.test(before);
      const where = { ...(nearMidnight ? { nearMidnight } : {}), ...(options.zone ? { zone: options.zone } : {}), ...(base ? { base } : {}) };
      out.push({ kind: 'date', sentence: s, inQuote: inQuote(claim.span.start), text: text.slice(claim.span.start, claim.span.end), ...claim, ...where });
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
      // "World Cup 2022", "Euro 2024": a year right after a capitalised name word is part of the name, not a date.
      if (NAME_BEFORE_YEAR.test(sentence.text.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (/^\s+(?:people|troops|soldiers|civilians|residents|km|kilometres|miles|dollars|euros)\b/i.test(sentence.text.slice(m.index + 4))) continue;
      if (!/(?:\b(?:the|in|since|of|by|from|until|before|after|during)|['’]s)\s+$/i.test(sentence.text.slice(0, m.index)) && /^\s+[a-z]+s\b/.test(sentence.text.slice(m.index + 4))) continue;
      push({ span: { start, end: start + 4 }, granularity: 'year', year: Number(m[1]) });
    }
    DURATION.lastIndex = 0;
    for (let m = DURATION.exec(sentence.text); m; m = DURATION.exec(sentence.text)) {
      const parsed = parseNumberAt(m[1]);
      if (!parsed || parsed.compound && parsed.compound !== m[2].toLowerCase()) continue;
      // "a two-year-old child" is an age, not how long something lasted.
      if (/^[\s-]old\b/i.test(sentence.text.slice(m.index + m[0].length))) continue;
      let unitYears = m[2].toLowerCase().startsWith('month') ? 1 / 12 : 1;
      let value = parsed.value * unitYears;
      let length = m[0].length;
      // "11 years and three months" is one length of time, 11.25 years, not two.
      const months = unitYears === 1 ? AND_MONTHS.exec(sentence.text.slice(m.index + length, m.index + length + 40)) : null;
      const monthCount = months ? parseNumberAt(months[1]) : undefined;
      if (months && monthCount && !monthCount.compound) {
        [value, unitYears, length] = [value + monthCount.value / 12, 1 / 12, length + months[0].length];
        DURATION.lastIndex = m.index + length;
      }
      const before = sentence.text.slice(Math.max(0, m.index - QUALIFIER_WINDOW), m.index);
      // "the last two years of the war" is a stretch within it, not how long anything lasted.
      if (/\b(?:last|past)\s+$/i.test(before)) continue;
      const qualifier = qualifierBefore(before);
      const bounds = qualifier ? DURATION_BOUNDS[qualifier.label](value, unitYears) : { low: value, high: value + 0.99 * unitYears };
      const start = sentence.start + (qualifier ? m.index - before.length + qualifier.index : m.index);
      length += m.index + sentence.start - start;
      const total = toldAsTotal(sentence.text.slice(Math.max(0, m.index - 60), m.index));
      push({ span: { start, end: start + length }, granularity: 'duration', years: value, ...bounds, ...(total && { total }) });
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
