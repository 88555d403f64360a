// Whether two figures or two dates can both be true.
import type { DateClaim, FigureClaim } from '../model/types';
import { QUALIFIER_FAMILY, type QualifierLabel } from '../extract/qualifiers';
import { DAY_MS } from '../model/calendar';

/** How a figure is bounded: its qualifier, or exact, or a range ("thousands", "10-12"). */
function boundKind(f: FigureClaim): string {
  return f.qualifier ?? (f.low === f.high ? 'exact' : 'range');
}

/** The same counted noun, or one side leaves it out and goes on with the other's next word ("50 quit", "50 ministers quit"). */
function sameUnit(a: FigureClaim, b: FigureClaim): boolean {
  return a.unit === b.unit || (!!a.then && a.then === b.unit) || (!!b.then && b.then === a.unit);
}

/**
 * Two figures may count one quantity: the same unit, and nothing their clauses say tells them apart (killed against
 * fled, the old value against the new).
 */
export function sameQuantity(a: FigureClaim, b: FigureClaim): boolean {
  return sameUnit(a, b) && (!a.action || !b.action || a.action === b.action) && (!a.role || !b.role || a.role === b.role);
}

/** Two counts this many times apart or more are rarely one quantity mistold (see ordersApart). */
const QUANTITIES_APART = 100;

/** A number's significant digits: 3,500 → "35", 0.35 → "35", 20 million → "2". */
function significantDigits(value: number): string {
  return String(Math.abs(value)).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
}

/**
 * Two counts a hundred times apart or more, in other digits ("just over 3,500 died last week", "at least 20 million
 * have died since 2020"): a week's toll and the whole, a town's and a country's, two quantities. A slip of scale
 * keeps its digits ("3,500" for "350,000", "$1.2 million" for "$1.2 billion") and is still compared.
 */
export function ordersApart(a: FigureClaim, b: FigureClaim): boolean {
  const [low, high] = Math.abs(a.value) <= Math.abs(b.value) ? [Math.abs(a.value), Math.abs(b.value)] : [Math.abs(b.value), Math.abs(a.value)];
  if (low === 0 || high / low < QUANTITIES_APART) return false;
  return significantDigits(a.value) !== significantDigits(b.value);
}

/**
 * The same role; or a version's figure ("the initial 28-point plan") against a bare one ("the 28-point plan"): the bare
 * figure names one of the versions, and a value that fits none of them is wrong.
 */
function sameRole(a: FigureClaim, b: FigureClaim): boolean {
  return a.role === b.role || (!a.role && !!b.version) || (!b.role && !!a.version);
}

/**
 * Positive evidence that two figures count one quantity: both clauses say the same about it. A figure whose clause
 * says what happened ("six people were killed") is not contradicted by one that does not ("millions of people").
 */
export function statesSameQuantity(a: FigureClaim, b: FigureClaim): boolean {
  return sameUnit(a, b) && !ordersApart(a, b) && a.action === b.action && sameRole(a, b) && sameSetting(a, b) && sameMoment(a, b) && !partOfTotal(a, b) && !anotherGuesser(a, b);
}

/**
 * One side an unnamed group's guess ("experts warned inflation could be heading for 15%"), the other a figure told as
 * no possibility at all ("the Bank said inflation will hit 13%"): two forecasters, two facts. The same possibility
 * told with and without its group ("could push 12 to 18 feet") stays one.
 */
function anotherGuesser(a: FigureClaim, b: FigureClaim): boolean {
  return (a.guessedBy ?? '') !== (b.guessedBy ?? '') && !(a.possible && b.possible);
}

/**
 * One side a sum of several ("sentenced to a total of 31 years … and 154 lashes"), the other a smaller value told
 * plainly ("sentenced to eight years … and 70 lashes" at one trial): perhaps one of its parts, so no evidence that
 * the two state one quantity. A larger plain value, or two sums, still say the same thing differently.
 */
export function partOfTotal(a: { total?: boolean; low?: number; high?: number }, b: { total?: boolean; low?: number; high?: number }): boolean {
  if (!!a.total === !!b.total) return false;
  const [sum, other] = a.total ? [a, b] : [b, a];
  return (other.high ?? Infinity) < (sum.low ?? -Infinity);
}

/** A change of a moving price is a snapshot: told at a time of day (or the close), it is that moment's change only. */
function sameMoment(a: FigureClaim, b: FigureClaim): boolean {
  // "2-0 down after 80 minutes" times one state of a game: only the same state's time is the same fact.
  if (a.moment?.startsWith('score') || b.moment?.startsWith('score')) return a.moment === b.moment;
  return a.role !== 'by' || a.moment === b.moment;
}

/** Nothing in either clause puts the two figures at another event or place. */
export function sameSetting(a: FigureClaim, b: FigureClaim): boolean {
  // What one member preferred is not what the board decided; this year's forecast is not next year's.
  return sameEra(a, b) && samePlace(a, b) && sameCountPoint(a, b) && sameGroup(a, b) && sameChange(a, b) && !!a.proposed === !!b.proposed &&
    unlessBothDiffer(a.period, b.period);
}

/** Told on one side only, a detail says nothing; told on both, it must be the same. */
const unlessBothDiffer = <T>(x: T | undefined, y: T | undefined): boolean => x === undefined || y === undefined || x === y;

/** Two changes of different amounts, one up and one down, against a year and a quarter, or a margin and a value, are two facts. */
function sameChange(a: FigureClaim, b: FigureClaim): boolean {
  const x = a.change;
  const y = b.change;
  // "plus or minus 50 basis points" is how far a forecast may miss, not the forecast.
  if (!!x?.margin !== !!y?.margin) return false;
  if (!x || !y) return true;
  return unlessBothDiffer(x.of, y.of) && unlessBothDiffer(x.direction, y.direction) && unlessBothDiffer(x.period, y.period);
}

/** A vote share with 98.8% counted and the final one are two snapshots; how far the count had gone is not a fact. */
export function sameCountPoint(a: FigureClaim, b: FigureClaim): boolean {
  return !a.countProgress && !b.countProgress && a.countedAt === b.countedAt;
}

/** A count within one part ("in those given the vaccine") is not the whole's, nor another part's ("the placebo group"). */
function sameGroup(a: FigureClaim, b: FigureClaim): boolean {
  if (!a.group || !b.group) return (!a.group && !b.group) || partExceedsWhole(a.group ? a : b, a.group ? b : a);
  return !a.group.length || !b.group.length || a.group.some((w) => b.group!.includes(w));
}

/**
 * "12 Veskan civilians" against "10 civilians": a nationality's count larger than the whole count cannot be a part of
 * it, so the two state one quantity differently (in a story about one country, its people are usually all of them).
 */
function partExceedsWhole(part: FigureClaim, whole: FigureClaim): boolean {
  return part.groupNamed === true && part.low > whole.high;
}

/** "a 1985 quake" and "another quake" are other events than each other; "another quake" is not the story's own. */
function sameEra(a: FigureClaim, b: FigureClaim): boolean {
  if (a.era === b.era) return true;
  return !!a.era && !!b.era ? false : a.era !== 'other' && b.era !== 'other';
}

/**
 * One place's count is not the count over a list of places ("94 in Avalon" against "216 in Avalon and in the states of
 * Brae and Cole"), nor another place's. Without a place on either side, nothing tells them apart.
 */
function samePlace(a: FigureClaim, b: FigureClaim): boolean {
  // One place's share of a breakdown is not a figure given for no place (most often the whole).
  if (!a.place || !b.place) return !a.place?.part && !b.place?.part;
  if (a.place.list !== b.place.list) return false;
  return a.place.words.some((w) => b.place!.words.includes(w));
}

/** A round bound ("more than 200", "fewer than 50") holds any figure inside it ("at least 217", "230"). */
function roundBound(f: FigureClaim): boolean {
  return (f.qualifier === 'more than' || f.qualifier === 'fewer than') && f.value >= 10 && Number.isInteger(f.value) && /0$/.test(String(f.value));
}

/** A figure stated as an open bound: "more than 3%", "at least six", "up to 40", "fewer than 50". */
const openBound = (f: FigureClaim) => f.qualifier === 'more than' || f.qualifier === 'at least' || f.qualifier === 'fewer than' || f.qualifier === 'up to';

/**
 * A threshold, not a tally: an open bound on a whole percentage ("above 3%", "more than 8 per cent"). "At least seven
 * people" is the count so far, and another number is another count; "above 3%" holds 3.4% as well as 3.1%.
 */
const looseBound = (f: FigureClaim) => openBound(f) && f.unit === 'percent' && Number.isInteger(f.value);

/**
 * One figure a loose bound that holds the other ("above 3%" and "3.4%"): both can be true, so neither is evidence
 * against the other, though the bound does not confirm the value either (see figuresOverlap).
 */
export function insideLooseBound(a: FigureClaim, b: FigureClaim): boolean {
  return boundKind(a) !== boundKind(b) && ((looseBound(a) && within(b, a)) || (looseBound(b) && within(a, b)));
}

function within(inner: FigureClaim, outer: FigureClaim): boolean {
  const lowOk = inner.low > outer.low || (inner.low === outer.low && (!outer.lowOpen || inner.lowOpen));
  const highOk = inner.high < outer.high || (inner.high === outer.high && (!outer.highOpen || inner.highOpen));
  return lowOk && highOk;
}

/** The figure's interval holds `value`. */
const holds = (f: FigureClaim, value: number) => f.low <= value && value <= f.high;

/** Two stated ranges ("1.5% to 1.75%") are one interval each: they agree only on both ends. */
const statedRange = (f: FigureClaim) => !f.qualifier || f.qualifier === 'between' ? f.low !== f.high : false;

/** The step of a figure's last written digit, in its value's terms: 1 for "51 percent", 0.1 for "50.9%", 100,000 for "1.4 million". */
/** The first number of a figure's text as written ("1,460", "3.5"), its decimals captured. */
const WRITTEN_NUMBER = /\d[\d,]*(?:\.(\d+))?/;

function writtenStep(f: FigureClaim): number | undefined {
  const digits = WRITTEN_NUMBER.exec(f.text);
  const written = digits && Number(digits[0].replace(/,/g, ''));
  if (!written || !f.value) return undefined;
  // "440,000" is written to the ten thousand: its trailing zeros are rounding, as "0.44 million" would be.
  const places = digits[1] ? -digits[1].length : /0*$/.exec(digits[0].replace(/,/g, ''))![0].length;
  return 10 ** places * (f.value / written);
}

/**
 * "51 percent" rounds "50.9%", "$1.4 billion" rounds "$1.43 billion", "440,000 cars" rounds "439,701 cars": a bare
 * figure written to fewer digits that the other's value rounds to. Only with two significant digits or more ("$1
 * billion" does not round "$1.4 billion", "20 missiles" does not round "22").
 */
function roundsTo(coarse: FigureClaim, fine: FigureClaim): boolean {
  if (coarse.qualifier || fine.qualifier || coarse.low !== coarse.high || fine.low !== fine.high) return false;
  const step = writtenStep(coarse);
  const fineStep = writtenStep(fine);
  if (!step || !fineStep || fineStep >= step * (1 - 1e-9) || Math.abs(coarse.value) < 10 * step) return false;
  return Math.abs(coarse.value - fine.value) <= step / 2 + step * 1e-9;
}

/** The digits of a figure's number as written ("1,460" → "1460"). */
const writtenDigits = (f: FigureClaim) => WRITTEN_NUMBER.exec(f.text)?.[0].replace(/[,.]/g, '') ?? '';

/**
 * "640 drones" against "more than 460 drones": the same digits in another order are a slip of the keys, not a count
 * that happens to pass the bound (a writer who knew of 640 would not write "more than 460").
 */
function transposed(a: FigureClaim, b: FigureClaim): boolean {
  const [x, y] = [writtenDigits(a), writtenDigits(b)];
  return x.length >= 2 && x.length === y.length && x !== y && [...x].sort().join('') === [...y].sort().join('');
}

export function figuresOverlap(a: FigureClaim, b: FigureClaim): boolean {
  if (statedRange(a) && statedRange(b)) return a.low === b.low && a.high === b.high;
  if (a.value === b.value) return true;
  if (roundsTo(a, b) || roundsTo(b, a)) return true;
  if (boundKind(a) !== boundKind(b) && !transposed(a, b) && ((roundBound(a) && within(b, a)) || (roundBound(b) && within(a, b)))) return true;
  // "about 65 miles" against "about 85 miles": two estimates, each far from the other's value, though their margins meet.
  if (boundKind(a) === 'about' && boundKind(b) === 'about') return holds(a, b.value) || holds(b, a.value);
  // "about 12 hours" against "just over 10 hours": the estimate's margin reaches the other's, but neither number fits the other.
  const tight = (k: string) => k === 'just over' || k === 'just under';
  if ((boundKind(a) === 'about' && tight(boundKind(b))) || (tight(boundKind(a)) && boundKind(b) === 'about')) return holds(a, b.value) || holds(b, a.value);
  // "at least nine" against "at least seven" is a different count, though the intervals meet.
  // A count given as a bound ("at least three") is not confirmed by another number ("five"): only approximate
  // figures ("nearly", "about", "thousands") are compared as intervals.
  const approximate = (k: string) => k === 'range' || k === 'between' || k === 'about' || k === 'nearly' || k === 'just over' || k === 'just under';
  if (!approximate(boundKind(a)) && !approximate(boundKind(b))) return false;
  const lowOk = a.high > b.low || (a.high === b.low && !a.highOpen && !b.lowOpen);
  const highOk = b.high > a.low || (b.high === a.low && !b.highOpen && !a.lowOpen);
  return lowOk && highOk;
}

/** The broader qualifier a tight one belongs to: "just over" is said where "more than" is. */
const family = (q: string | undefined) => (q && QUALIFIER_FAMILY[q as QualifierLabel]) ?? q ?? '';

export function sameQualifier(a: FigureClaim, b: FigureClaim): boolean {
  if (family(a.qualifier) !== family(b.qualifier)) return false;
  return a.qualifier === b.qualifier ? a.low === b.low && a.high === b.high : a.value === b.value;
}

/**
 * A source date less precise than the draft's that holds it ("2022" for "March 2022"): it neither confirms the draft's
 * month nor speaks against it, so it is no evidence either way beside a source that gives the month.
 */
export function onlyVaguelyAgrees(source: DateClaim, draft: DateClaim): boolean {
  if (source.granularity === 'weekday' || source.granularity === 'duration' || draft.granularity === 'weekday' || draft.granularity === 'duration') return false;
  const vaguer = (draft.month !== undefined && source.month === undefined) || (draft.day !== undefined && source.day === undefined);
  return vaguer && datesAgree(draft, source);
}

export function datesAgree(a: DateClaim, b: DateClaim): boolean {
  if (a.granularity === 'duration' || b.granularity === 'duration') {
    // Two ceilings of one thing ("up to 30 years", "up to 25 years") are two maxima: they agree only when equal.
    if (a.ceiling && b.ceiling) return a.years === b.years;
    return a.granularity === b.granularity && meets(a, b) && meets(b, a);
  }
  return sameDay(a, b) || (mayBeInOtherZones(a, b) && oneDayApart(a, b));
}

/** `a` starts no later than `b` ends; touching counts, unless both stop short there ("more than 11" and "nearly 11"). */
function meets(a: DateClaim, b: DateClaim): boolean {
  const [low, high] = [a.low ?? 0, b.high ?? 0];
  return low < high || (low === high && !(a.lowOpen && b.highOpen));
}

/** An overnight event is "late Monday" in one capital and "Tuesday" in another. */
function mayBeInOtherZones(a: DateClaim, b: DateClaim): boolean {
  return !!(a.nearMidnight || b.nearMidnight || (a.zone && b.zone && a.zone.toLowerCase() !== b.zone.toLowerCase()));
}

function oneDayApart(a: DateClaim, b: DateClaim): boolean {
  if (a.resolved && b.resolved) return Math.abs(Date.parse(a.resolved) - Date.parse(b.resolved)) === DAY_MS;
  if (a.granularity === 'weekday' && b.granularity === 'weekday') return (a.weekday! - b.weekday! + 7) % 7 === 1 || (b.weekday! - a.weekday! + 7) % 7 === 1;
  return a.granularity === 'day' && b.granularity === 'day' && a.month === b.month && (a.year ?? b.year) === (b.year ?? a.year) && Math.abs(a.day! - b.day!) === 1;
}

function sameDay(a: DateClaim, b: DateClaim): boolean {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return false;
  if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return false;
  if (a.granularity === 'weekday' && b.granularity === 'weekday' && a.weekday !== b.weekday) return false;
  if ((a.granularity === 'weekday') !== (b.granularity === 'weekday') && a.resolved && b.resolved && a.resolved !== b.resolved) return false;
  return true;
}

/** Dates that say something about each other: both weekdays, both durations, or calendar dates sharing a field. */
export function datesComparable(a: DateClaim, b: DateClaim): boolean {
  // What "the highest since 2008" measures from is only compared with another comparison's base.
  if (!!a.base !== !!b.base) return false;
  if (a.granularity === 'weekday' || b.granularity === 'weekday') {
    // A weekday and a calendar day meet once the weekday is resolved against its document's date.
    if (a.granularity !== b.granularity) return !!a.resolved && !!b.resolved && sameWeek(a, b);
    // The same weekday always agrees, whatever week each document resolves it to.
    return a.weekday === b.weekday || sameWeek(a, b);
  }
  if (a.granularity === 'duration' || b.granularity === 'duration') return a.granularity === b.granularity;
  return (a.year !== undefined && b.year !== undefined) || (a.month !== undefined && b.month !== undefined);
}

/** Weekdays only contradict each other within one week: "on Friday" a fortnight later is another event. */
function sameWeek(a: DateClaim, b: DateClaim): boolean {
  if (!a.resolved || !b.resolved) return true;
  return Math.abs(Date.parse(a.resolved) - Date.parse(b.resolved)) < 7 * DAY_MS;
}
