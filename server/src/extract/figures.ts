// Figures: a value, the thing counted, and the interval its qualifier allows.
import type { FigureClaim, Span } from '../model/types';
import type { Sentence } from '../text/segment';
import { parseNumberAt } from './numbers';
import { stem } from '../text/words';
import { figureRole, ROLE_WINDOW } from './figureRole';
import { insideSpans } from '../model/spans';
import { qualifierBefore, type QualifierLabel } from './qualifiers';
import { toldAsTotal } from './totals';
import { guessOf } from './guesses';

/** The interval a qualifier allows a count: [low, high, lowOpen, highOpen]. */
const INTERVALS: Record<QualifierLabel, (v: number) => [number, number, boolean, boolean]> = {
  'at least': (v) => [v, Infinity, false, true],
  'more than': (v) => [v, Infinity, true, true],
  'up to': (v) => [0, v, false, false],
  'fewer than': (v) => [0, v, false, true],
  nearly: (v) => [v * 0.85, v, false, true],
  // "Just over" and "just under" reach a tenth of the number at most.
  'just over': (v) => [v, v * 1.1, true, false],
  'just under': (v) => [v * 0.9, v, false, true],
  about: (v) => [v * 0.85, v * 1.15, false, false],
};

/** Nouns that count people without a plural -s. */
const PLURAL_NOUNS = new Set(['people', 'personnel', 'children', 'men', 'women', 'police', 'staff', 'troops', 'crew', 'cattle', 'dead', 'wounded', 'injured', 'missing', 'percent', 'per cent', 'km', 'kilometres', 'kilometers', 'miles']);
/** Counted things that mean the same count. */
const UNIT_ALIASES: Record<string, string> = { death: 'people', dead: 'people', injured: 'people', wounded: 'people', missing: 'people', fatality: 'people', casualty: 'people', person: 'people', kilometre: 'km', kilometer: 'km', 'per cent': 'percent', '%': 'percent', soldier: 'troop' };
const STOP_UNIT = /^(?:and|or|of|in|on|at|to|for|from|by|with|as|were|was|are|is|had|have|has|been|be|who|which|that|the|a|an|than|said|says|per)$/i;
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
/** Where a number may start: a digit or a number word. The character before is checked apart (see nextNumber). */
const NUMBER_CANDIDATE = /\d|(?:a dozen|dozen|dozens|scores|hundreds|thousands|millions|billions|tens of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/giu;
/** A currency sign with its country's letters after it ("$US3 trillion"): the number starts after the letters. */
const COUNTRY_CURRENCY = /[$£€¥][A-Z]{1,3}$/;
/** A number does not start inside a word or another number ("A4", the "5" of "1.5" or "3/5"). */
const JOINED_BEFORE = /[\p{L}\p{N}.,:/-]$/u;

/**
 * The next number start from NUMBER_CANDIDATE.lastIndex on (advancing it, as exec does). The same as a lookbehind in
 * the pattern, but a lookbehind there is tried at every position of every sentence, which made this test the
 * costliest part of reading figures: here only candidates are checked.
 */
function nextNumber(text: string): RegExpExecArray | null {
  for (let m = NUMBER_CANDIDATE.exec(text); m; m = NUMBER_CANDIDATE.exec(text)) {
    if (!JOINED_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)) || COUNTRY_CURRENCY.test(text.slice(Math.max(0, m.index - 4), m.index))) return m;
    NUMBER_CANDIDATE.lastIndex = m.index + 1;
  }
  return null;
}

/** Words that say what state people are in, after the counted noun or in its place ("1 teacher dead", "six dead"). */
const PEOPLE_STATES = new Set(['dead', 'wounded', 'injured', 'missing']);
/** Words straight after a number that qualify the count rather than name the counted thing ("12 more dead"). */
const COUNT_QUALIFIERS = new Set(['more', 'other', 'others', 'further', 'additional', 'new', 'total']);
/** Words that count people by what happened to them ("six killed"). */
const PEOPLE_PARTICIPLES = new Set(['killed', 'hurt', 'displaced', 'evacuated', 'arrested', 'detained', 'rescued']);
/** Characters before a number read for its qualifier: longer than any qualifier, so the reading stays bounded. */
const PREFIX_WINDOW = 60;

/** Currency signs written right before a sum, and the unit the sum counts. */
const CURRENCY_SIGNS: Record<string, string> = { $: 'dollar', '£': 'pound', '€': 'euro', '¥': 'yen', '₹': 'rupee', '₩': 'won' };
/** Units that are only a currency: a sum that says nothing of what it pays for. */
export const MONEY_UNITS = new Set([...Object.values(CURRENCY_SIGNS), 'dollar', 'pound', 'euro']);

/** Words naming a class on a scale by the number after them. */
const SCALE_LABEL = /\b(?:category|cat\.?|level|grade|phase|stage|tier)[\s\u00a0]+$/i;

/**
 * A product's model number: right after a name ("iPhone 15", "Series 9") and before a word for a product line, it
 * names the models rather than counting them ("the four iPhone 15 models"). A name inside a sentence, or one with a
 * capital inside (iPhone); a sentence's first word may be any capitalised word ("Some 15 models").
 */
const MODEL_NAME_BEFORE = /(?:[\p{L}\d,;:)][\s\u00a0]+\p{Lu}[\p{L}\d-]*|\p{Ll}\p{Lu}[\p{L}\d-]*)[\s\u00a0]+$/u;
const PRODUCT_LINE_AFTER = /^[\s\u00a0]+(?:models?|versions?|variants?|editions?|series|line-?ups?|generations?)\b/i;

/** Units of measure, which a bracket after a figure may convert ("12 feet (3.7 meters)"). */
const MEASURES = new Set(['mph', 'km/h', 'kph', 'km', 'kilometers', 'kilometres', 'mile', 'miles', 'foot', 'feet', 'meter', 'metre', 'inch', 'inche', 'cm', 'mm', 'kg', 'pound', 'lb', 'ton', 'tonne', 'acre', 'hectare', 'degree', 'gallon', 'litre', 'liter', 'mb', 'barrel']);

/** After a figure, words that make it a distance to a mark rather than a value. */
const SHORT_OF = /^[\s\u00a0]+(?:away[\s\u00a0]+from|short[\s\u00a0]+of|shy[\s\u00a0]+of)\b/i;

/** A person's age, told around the number rather than by a counted noun after it. */
export const AGE_UNIT = 'years of age';
const AGE_BEFORE = /\b(?:aged|age of|at age|ages of)[\s\u00a0]+$/i;
const AGE_AFTER = /^[\s\u00a0]+years?[\s\u00a0]+old\b/i;
const AGE_COMPOUND = /^-old\b/i;

/** Lengths of time are durations (dates), not counts. */
const DURATION_UNITS = new Set(['year', 'month', 'week', 'day', 'decade', 'century']);

/** "2000 drones" counts drones; "the 2024 elections" and "in 2014" name a year. */
function countsSomething(before: string, after: string): boolean {
  if (/(?:\b(?:the|in|since|of|by|from|until|before|after|during)|['’]s)\s+$/i.test(before)) return false;
  const next = /^\s+([a-z]+)/.exec(after)?.[1];
  return !!next && (PLURAL_NOUNS.has(next) || (next.endsWith('s') && !next.endsWith('ss')));
}

/** Whether `text` has anything extractFigures could read as a number: a cheap test that rules out most sentences. */
export function mayHoldFigures(text: string): boolean {
  NUMBER_CANDIDATE.lastIndex = 0;
  return nextNumber(text) !== null;
}

export function isYearLike(value: number, raw: string): boolean {
  return /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100;
}

export function extractFigures(text: string, sentences: readonly Sentence[], quoteSpans: readonly Span[]): FigureClaim[] {
  const figures: FigureClaim[] = [];
  let countPoint: { paragraph: number; at: string } | undefined;
  sentences.forEach((sentence, s) => {
    const sentenceFirst = figures.length;
    NUMBER_CANDIDATE.lastIndex = 0;
    for (let m = nextNumber(sentence.text); m; m = nextNumber(sentence.text)) {
      const at = m.index;
      const parsed = parseNumberAt(sentence.text.slice(at));
      if (!parsed) continue;
      NUMBER_CANDIDATE.lastIndex = at + parsed.length;
      const raw = sentence.text.slice(at, at + parsed.length);
      const after = sentence.text.slice(at + parsed.length);
      // Times, ordinals, dates and years are not counts.
      if (/^(?::\d|st\b|nd\b|rd\b|th\b|[.:]\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST|CET))/i.test(after)) continue;
      if (/^\s+(?:of\s+)?/.test(after) && MONTH.test(after.replace(/^\s+(?:of\s+)?/, '')) && parsed.value <= 31) continue;
      if (MONTH.test(sentence.text.slice(Math.max(0, at - 10), at).replace(/^.*?\b(?=\p{L}+\.?\s+$)/u, '')) && parsed.value <= 31) continue;
      const beforeFrom = Math.max(0, at - PREFIX_WINDOW);
      // "$804 million in restitution", "a $9 billion company": a sum of money counts its currency. Only sums in
      // millions or more: a bare "$51.98" is most often a moving price, true at its moment only.
      // The sign with any country letters before or after it ("US$", "A$", "$US").
      const sign = /(?<![\p{L}\d])[A-Z]{0,3}([$£€¥₹₩])[A-Z]{0,3}$/u.exec(sentence.text.slice(Math.max(0, at - 8), at));
      const currency = sign && /\p{L}$/u.test(sentence.text.slice(at, at + parsed.length)) ? CURRENCY_SIGNS[sign[1]] : undefined;
      const signStart = currency ? at - sign![0].length : at;
      const before = sentence.text.slice(beforeFrom, signStart);
      if (isYearLike(parsed.value, raw) && !countsSomething(before, after)) continue;
      // "a Category 4 storm", "a level 3 alert": the number names a class on a scale, it counts nothing.
      if (SCALE_LABEL.test(before)) continue;
      if (MODEL_NAME_BEFORE.test(before) && PRODUCT_LINE_AFTER.test(after)) continue;
      // "150 mph (241 kph)": the figure before, converted to another measure and rounded, is no claim of its own.
      const previous = figures.length > sentenceFirst ? figures[figures.length - 1] : undefined;
      const bracketed = !!previous && /^[\s\u00a0]*\([\s\u00a0]*$/.test(sentence.text.slice(previous.span.end - sentence.start, signStart));
      // "$US3 trillion ($4.7 trillion)": a sum in brackets after a sum is the same sum in another dollar.
      const converts = (unit: string) => bracketed && (previous!.unit !== unit || MONEY_UNITS.has(unit)) && MEASURES.has(previous!.unit) === MEASURES.has(unit) && (MEASURES.has(unit) || MONEY_UNITS.has(unit));
      const start = sentence.start + at;
      // "died aged 96", "at the age of 96", "a 96-year-old", "96 years old": a person's age, not a length of time.
      const ageAfter = parsed.compound === 'year' ? AGE_COMPOUND.exec(after) : AGE_AFTER.exec(after);
      if (!parsed.vague && Number.isInteger(parsed.value) && (ageAfter || AGE_BEFORE.test(before))) {
        const number = { start, end: start + (parsed.compound ? raw.indexOf('-') : parsed.length) };
        const ageWords = number.end + (ageAfter ? ageAfter[0].length + (parsed.compound ? raw.length - (number.end - start) : 0) : 0);
        figures.push({
          kind: 'figure', span: number, text: text.slice(number.start, number.end), sentence: s, value: parsed.value, low: parsed.value, high: parsed.value,
          lowOpen: false, highOpen: false, valueSpan: number, unit: AGE_UNIT, inQuote: insideSpans(quoteSpans, start),
          ...figureRole(sentence.text.slice(Math.max(0, at - ROLE_WINDOW), at), sentence.text.slice(ageWords - sentence.start, ageWords - sentence.start + ROLE_WINDOW), AGE_UNIT),
        });
        continue;
      }
      if (parsed.compound && DURATION_UNITS.has(parsed.compound)) continue;
      const valueSpan = { start, end: start + parsed.length };
      // The clause around the figure, for what happened to the counted thing and whether it is an old or new value.
      const roleOf = (spanFrom: number, unitTo: number, unitWord: string) => {
        const from = spanFrom - sentence.start;
        const to = unitTo - sentence.start;
        const between = sentence.text.slice(Math.min(to, at + parsed.length), to);
        return figureRole(sentence.text.slice(Math.max(0, from - ROLE_WINDOW), from), sentence.text.slice(to, to + ROLE_WINDOW), unitWord, between, sentence.text.slice(from, Math.max(from, at)));
      };
      const qualifier = parsed.vague ? undefined : qualifierBefore(before);
      let low = parsed.low;
      let high = parsed.high;
      let lowOpen = false;
      let highOpen = false;
      let spanStart = start - (at - signStart);
      if (qualifier) {
        [low, high, lowOpen, highOpen] = INTERVALS[qualifier.label](parsed.value);
        spanStart = sentence.start + beforeFrom + qualifier.index;
      }
      // "between 10 and 12 firefighters" is one range.
      const between = /\bbetween\s+$/i.test(before) ? /^\s+(?:and|to)\s+/i.exec(after) : null;
      const upper = between ? parseNumberAt(after.slice(between[0].length)) : undefined;
      if (between && upper && upper.value > parsed.value) {
        const tail = after.slice(between[0].length + upper.length);
        const counted = unitAfter(tail);
        if (!counted || DURATION_UNITS.has(counted.unit) || converts(counted.unit)) continue;
        const from = sentence.start + beforeFrom + (/\bbetween\s+$/i.exec(before)?.index ?? at - beforeFrom);
        const end = valueSpan.end + between[0].length + upper.length + counted.end;
        NUMBER_CANDIDATE.lastIndex = end - sentence.start;
        figures.push({
          kind: 'figure', span: { start: from, end }, text: text.slice(from, end), sentence: s, value: parsed.value,
          low: parsed.value, high: upper.value, lowOpen: false, highOpen: false, qualifier: 'between', valueSpan, unit: counted.unit,
          inQuote: insideSpans(quoteSpans, start), ...roleOf(from, end, counted.word),
        });
        continue;
      }
      // "a range of 1.5% to 1.75%", "1.5 to 1.75 percent", "1.50% – 1.75%": one interval, unless a change ("from 1.5% to").
      const rangeTo = CHANGE_BEFORE.test(before) || parsed.compound ? null : RANGE_TO.exec(after);
      const rangeHigh = rangeTo ? parseNumberAt(after.slice(rangeTo[0].length)) : undefined;
      const rangeUnit = rangeHigh && unitAfter(after.slice(rangeTo![0].length + rangeHigh.length));
      if (rangeHigh && rangeUnit && rangeHigh.value > parsed.value && !rangeHigh.vague && !DURATION_UNITS.has(rangeUnit.unit) && (!rangeTo![1] || rangeUnit.unit === 'percent')) {
        const end = valueSpan.end + rangeTo![0].length + rangeHigh.length + rangeUnit.end;
        NUMBER_CANDIDATE.lastIndex = end - sentence.start;
        if (converts(rangeUnit.unit)) continue;
        const per = rangeUnit.per ?? 1;
        figures.push({
          kind: 'figure', span: { start: spanStart, end }, text: text.slice(spanStart, end), sentence: s, value: parsed.value / per,
          low: parsed.value / per, high: rangeHigh.value / per, lowOpen: false, highOpen: false, valueSpan, unit: rangeUnit.unit,
          inQuote: insideSpans(quoteSpans, start), ...roleOf(spanStart, end, rangeUnit.word),
        });
        continue;
      }
      const named = parsed.compound ? { unit: parsed.compound, end: 0, word: parsed.compound } : unitAfter(after);
      // "$44 billion offer" and "an offer of $44 billion" count the same dollars.
      const counted = currency ? { end: 0, word: currency, ...named, unit: currency } : named;
      if (!counted) {
        // "cut from 28 to 19 points": the old value counts what the new one counts.
        const pairedTo = /\bfrom\s+$/i.test(before) ? /^\s+to\s+/i.exec(after) : null;
        const next = pairedTo ? parseNumberAt(after.slice(pairedTo[0].length)) : undefined;
        const nextCounted = next && (next.compound ? { unit: next.compound } : unitAfter(after.slice(pairedTo![0].length + next.length)));
        if (nextCounted && !DURATION_UNITS.has(nextCounted.unit)) {
          figures.push({
            kind: 'figure', span: valueSpan, text: raw, sentence: s, value: parsed.value, low: parsed.low, high: parsed.high,
            lowOpen: false, highOpen: false, valueSpan, unit: nextCounted.unit,
            inQuote: insideSpans(quoteSpans, start), role: 'from',
          });
        }
        continue;
      }
      if (DURATION_UNITS.has(counted.unit)) continue;
      const unit = counted.unit;
      // "75 basis points" is 0.75 percentage point: compared in percent.
      const per = 'per' in counted && counted.per ? counted.per : 1;
      if (per !== 1) [low, high] = [low / per, high / per];
      const unitEnd = valueSpan.end + counted.end;
      // "2 miles per hour away from Category 5" is how far short of a mark, not the value itself.
      if (SHORT_OF.test(sentence.text.slice(unitEnd - sentence.start)) || converts(unit)) continue;
      // Only after a plural noun: "a three-story building" goes on with another noun, not with what the count did.
      const then = isPlural(counted.word) ? THEN_WORD.exec(text.slice(unitEnd, unitEnd + 24))?.[1] : undefined;
      figures.push({
        kind: 'figure',
        span: { start: spanStart, end: unitEnd },
        text: text.slice(spanStart, unitEnd),
        sentence: s,
        value: parsed.value / per,
        low,
        high,
        lowOpen,
        highOpen,
        qualifier: qualifier?.label,
        valueSpan,
        unit,
        ...(then && { then: stem(then) }),
        inQuote: insideSpans(quoteSpans, start),
        ...peopleOf(counted),
        ...roleOf(spanStart, unitEnd, counted.word),
      });
    }
    const inSentence = figures.slice(sentenceFirst);
    for (const f of inSentence) {
      const from = f.span.start - sentence.start;
      const before = sentence.text.slice(Math.max(0, from - PREFIX_WINDOW), from);
      if (toldAsTotal(before)) f.total = true;
      const guess = guessOf(before);
      if (guess.possible) f.possible = true;
      if (guess.group) f.guessedBy = guess.group;
    }
    markChanges(inSentence, sentence);
    const at = markCountProgress(inSentence, sentence);
    // "With 99.9% counted, Lula had 50.9%. Bolsonaro received 49.1%.": the next sentence of the paragraph goes on with the same count.
    if (!at && countPoint?.paragraph === sentence.paragraph) for (const f of inSentence) f.countedAt = countPoint.at;
    countPoint = at ? { paragraph: sentence.paragraph, at } : undefined;
  });
  return figures;
}

/** "of the votes counted", "of voting machines tallied", "of polling stations reporting", "of the count completed". */
const PROGRESS_OF = /^[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+|all[\s\u00a0]+)?(?:[\p{L}-]+[\s\u00a0]+){0,2}?(?:votes?|ballots?|machines|polling[\s\u00a0]+stations|precincts|districts|constituencies|count|returns|ballot[\s\u00a0]+boxes)[\s\u00a0]+(?:(?:were|was|have|has|had|been|now|already|being)[\s\u00a0]+){0,2}(?:counted|tallied|reporting|reported|completed|processed|verified|scrutini[sz]ed)\b/iu;
/** "with 99% counted", "with more than 95 percent reporting". */
const PROGRESS_BARE = /^[\s\u00a0]+(?:counted|tallied|reporting)\b/i;
const WITH_BEFORE = /\bwith[\s\u00a0]+(?:[\p{L}]+[\s\u00a0]+){0,2}$/iu;
/** "545 of 650 results declared", "with 580 of 632 seats counted": the count's progress as a part of a whole. */
const PART_OF = /\b(\d[\d,]*)[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+|all[\s\u00a0]+)?$/i;
const PART_COUNTED = /^[\s\u00a0]+(?:(?:were|was|have|has|had|been|now|already)[\s\u00a0]+){0,2}(?:declared|counted|tallied|reporting|reported|in)\b/i;
/** "with just two seats yet to declare", "with 12 results still to be counted": the count's progress, told by what is left. */
const STILL_TO_COUNT = /^[\s\u00a0]+(?:(?:still|yet|left)[\s\u00a0]+){1,2}to[\s\u00a0]+(?:be[\s\u00a0]+)?(?:declared?|counted|count|called|reported|report)\b/i;

/**
 * A sentence that says how far a count had gone ("With 99.1% of ballots counted, Lula had 50.8%") gives its other
 * figures at that point of the count: marked so that they are compared only with figures of the same point, and the
 * progress figure itself, which differs between outlets by when they wrote, is compared with nothing.
 */
function markCountProgress(inSentence: FigureClaim[], sentence: Sentence): string | undefined {
  let part = '';
  const progress = inSentence.find((f) => {
    const after = sentence.text.slice(f.span.end - sentence.start, f.span.end - sentence.start + ROLE_WINDOW);
    const before = sentence.text.slice(Math.max(0, f.span.start - sentence.start - PREFIX_WINDOW), f.span.start - sentence.start);
    if (f.unit !== 'percent') {
      if (STILL_TO_COUNT.test(after)) {
        part = 'to declare ';
        return true;
      }
      const of = PART_OF.exec(before);
      if (!of || !PART_COUNTED.test(after)) return false;
      part = `${of[1].replace(/,/g, '')} of `;
      return true;
    }
    if (PROGRESS_OF.test(after)) return true;
    return PROGRESS_BARE.test(after) && WITH_BEFORE.test(before);
  });
  if (!progress) return undefined;
  const at = `${part}${progress.qualifier ? `${progress.qualifier} ` : ''}${progress.value}`;
  for (const f of inSentence) {
    // "545 of 650 results" is read as a figure too: the same progress.
    if (f.span.end === progress.span.end) f.countProgress = true;
    else f.countedAt = at;
  }
  return at;
}

/** Between an amount and a percentage that changes it or bounds it: "$4.28 billion, up 14% from a year ago and up 18%". */
const CHANGE_OF = /^[\s\u00a0]*,?[\s\u00a0]*(?:respectively,[\s\u00a0]*)?(?:up|down|plus or minus|\+\/-|±|an? (?:rise|increase|gain|jump|drop|fall|decline|decrease) of)\b(?:(?!\b(?:while|whereas|but)\b)[^.;:!?])*$/i;
/** An amount as written: money ("$7.19 billion", "$11.0 bln"), a percentage or a number with its scale word. */
const AMOUNT = /([$€£]?)[\s\u00a0]?(\d[\d,]*(?:\.\d+)?)[\s\u00a0]*(%|percent\b|per cent\b|(?:basis |percentage )?points?\b|bps\b|trillion\b|billion\b|bln\b|bn\b|million\b|mln\b|[mbk]\b)?/gi;
const SCALE: Record<string, string> = { trillion: 't', billion: 'b', bln: 'b', bn: 'b', b: 'b', million: 'm', mln: 'm', m: 'm', k: 'k' };

/** The amount right before a percentage that changes or bounds it ("$4.28 billion, up 14% … and up 18%" → "$4.28b"). */
function amountChanged(before: string, margin: boolean): string | undefined {
  const amounts = [...before.matchAll(AMOUNT)];
  for (let j = amounts.length - 1; j >= 0; j--) {
    const [text, currency, digits, unitWord = ''] = amounts[j];
    const unit = unitWord.toLowerCase();
    const percent = unit === '%' || unit.startsWith('per') || unit.includes('point') || unit === 'bps';
    if (percent && !margin) continue;
    // A bare number there is most often a date's ("April 30, 2023, down 13%"), not the amount that moved.
    if (!currency && !unit) return undefined;
    if (!CHANGE_OF.test(before.slice(amounts[j].index! + text.length))) return undefined;
    return `${currency}${Number(digits.replace(/,/g, ''))}${percent ? '%' : SCALE[unit] ?? ''}`;
  }
  return undefined;
}
const MARGIN = /\b(?:plus or minus|\+\/-|±)[\s\u00a0]*$/i;
const UP = /\b(?:up|r[io]se|risen|rising|increased?|gained|grew|grown|jumped|climbed|soared|surged|higher|rallied)\b[^,;]{0,12}$/i;
const DOWN = /\b(?:down|fell|fallen|falling|declined?|decreased?|dropped|lost|slid|slumped|plunged|tumbled|lower|shrank)\b[^,;]{0,12}$/i;
const UP_AFTER = /^[\s\u00a0]+(?:(?:annual|yearly|sequential|quarterly)[\s\u00a0]+)?(?:increase|rise|gain|jump|growth)\b/i;
const DOWN_AFTER = /^[\s\u00a0]+(?:(?:annual|yearly|sequential|quarterly)[\s\u00a0]+)?(?:[\p{L}]+[\s\u00a0]+)?(?:decline|drop|fall|dip|decrease)\b/iu;
const PER_YEAR = /^[^,;.]{0,30}?\b(?:a year (?:ago|earlier)|year[- ]over[- ]year|year\/year|y\/y|yoy|(?:on an |an )?annual|the year-ago|from last year|a year before|(?:over|in) the (?:past|last|previous) (?:12|twelve) months|annually)\b/i;
/** "over the month", "in June compared to May": a change against the month before. */
const PER_MONTH = /^[^,;.]{0,30}?\b(?:over the month|month[- ]over[- ]month|m\/m|(?:on a )?monthly|from (?:the previous|the prior|last|a) month|(?:from|compared (?:to|with)) (?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/i;
const PER_QUARTER = /^[^,;.]{0,30}?\b(?:(?:the )?(?:previous|prior|preceding|last) quarter|sequential(?:ly)?|quarter[- ]over[- ]quarter|q\/q|qoq)\b/i;

/**
 * A percentage that changes or bounds an amount of its clause is that amount's: "revenue of $7.19 billion, up 19%" is
 * not "$4.28 billion, up 18%" (another line's revenue), "±50 basis points" on a margin is not "±2%" on revenue. Which
 * way it moved and against which period tell two changes apart too ("up 19% from the previous quarter" against
 * "declined 38% on an annual basis").
 */
function markChanges(inSentence: FigureClaim[], sentence: Sentence): void {
  inSentence.forEach((f) => {
    if (f.unit !== 'percent') return;
    const start = f.span.start - sentence.start;
    const end = f.span.end - sentence.start;
    const before = sentence.text.slice(Math.max(0, start - 30), start);
    const after = sentence.text.slice(end, end + 40);
    const margin = MARGIN.test(before);
    const of = amountChanged(sentence.text.slice(Math.max(0, start - 80), start), margin);
    const direction = margin ? undefined : UP.test(before) || UP_AFTER.test(after) ? 'up' : DOWN.test(before) || DOWN_AFTER.test(after) ? 'down' : undefined;
    const period = PER_YEAR.test(after) ? 'year' : PER_QUARTER.test(after) ? 'quarter' : PER_MONTH.test(after) ? 'month' : undefined;
    if (of || direction || period || margin) f.change = { ...(of && { of }), ...(direction && { direction }), ...(period && { period }), ...(margin && { margin: true as const }) };
  });
}

const isPlural = (word: string) => PLURAL_NOUNS.has(word) || (word.endsWith('s') && !word.endsWith('ss') && word.length > 3);
/** A lower-case word straight after the counted noun: "50 ministers quit in…". */
const THEN_WORD = /^[ \u00a0]([a-z]+)\b/;
const UNIT_WORD = /[\p{L}%][\p{L}’'\-]*/gu;
/** "1.5% to 1.75%", "1.5 to 1.75", "1.50% – 1.75%": the first end of a range and the joiner; group 1 is a percent sign on the first end. */
const RANGE_TO = /^(%|[\s\u00a0]+per[\s\u00a0]?cent\b|[\s\u00a0]+percent\b)?(?:[\s\u00a0]+to[\s\u00a0]+|[\s\u00a0]*[–—][\s\u00a0]*|[\s\u00a0]+-[\s\u00a0]+|-(?=\d+\.\d))/i;
/** Before a figure, words that make "3% to 5.2%" a change and its result, not a range. */
const CHANGE_BEFORE = /\b(?:by|from|r[io]se|risen|rises|fell|fallen|falls|jumped|climbed|dropped|increased|decreased|declined|gained|lost|slipped|surged|soared|grew|up|down)\s+$/i;
/** A speed in miles (group 1) or kilometres an hour: "miles per hour", "miles an hour", "km/h", "kph". */
const SPEED = /^[\s\u00a0]+(?:(miles?)[\s\u00a0]+(?:per|an|a)[\s\u00a0]+hour\b|kilomet(?:re|er)s?[\s\u00a0]+(?:per|an|a)[\s\u00a0]+hour\b|km[\s\u00a0]*\/[\s\u00a0]*h\b|kph\b|kmh\b)/i;
/** Points of a percentage: "0.75 percentage point", "75 basis points" (hundredths), "75 bps". */
const POINTS = /^[\s\u00a0]+(?:(percentage|percent)[\s\u00a0]+points?|(basis)[\s\u00a0]+points?|(bps|bp))\b/i;

/** Counted nouns for people, where a proper adjective ("two Thai women") picks out some of them. */
const PERSON_UNITS = new Set(['people', 'women', 'men', 'children', 'crew', 'staff', 'troop', 'passenger', 'national', 'citizen', 'victim', 'resident', 'worker', 'tourist', 'student', 'civilian', 'patient', 'member', 'migrant', 'refugee', 'voter']);

/**
 * "two Thai women" are a part of "85 women": the proper adjective is the figure's group. Not for things ("249
 * Ukrainian drones"), where it most often names whose they all are.
 */
function peopleOf(counted: { unit: string; proper?: string[] }): { group: string[]; groupNamed: true } | Record<string, never> {
  return counted.proper && PERSON_UNITS.has(counted.unit) ? { group: counted.proper, groupNamed: true } : {};
}

/**
 * The counted thing and where its word ends: the first plural noun after the number, skipping proper adjectives
 * ("249 Ukrainian drones"), within four words and before any function word.
 */
function unitAfter(after: string): { unit: string; end: number; word: string; per?: number; proper?: string[] } | undefined {
  const lead = /^[\s\u00a0]*(?:of[\s\u00a0]+)?/.exec(after)?.[0].length ?? 0;
  if (after.startsWith('%')) return { unit: 'percent', end: 1, word: '%' };
  // "150 miles per hour" is a speed, not a distance.
  const speed = SPEED.exec(after);
  if (speed) return { unit: speed[1] ? 'mph' : 'km/h', end: speed[0].length, word: speed[0].trim().toLowerCase() };
  const points = POINTS.exec(after);
  if (points) return { unit: 'percent', end: points[0].length, word: 'points', ...(!points[1] && { per: 100 }) };
  const perCent = /^[\s\u00a0]+per[\s\u00a0]?cent\b/i.exec(after);
  if (perCent) return { unit: 'percent', end: perCent[0].length, word: 'per cent' };
  if (!/^[\s\u00a0]*(?:of[\s\u00a0]+)?[\p{L}]/u.test(after) || lead === 0) return undefined;
  UNIT_WORD.lastIndex = lead;
  let fallback: { unit: string; end: number; word: string; proper?: string[] } | undefined;
  let fallbackAt = -1;
  const proper: string[] = [];
  for (let i = 0, m = UNIT_WORD.exec(after); m && i < 4; i++, m = UNIT_WORD.exec(after)) {
    const gap = after.slice(m.index - (i === 0 ? 0 : 1), m.index);
    if (i > 0 && !/^[\s\u00a0]$/.test(gap) && !/[\s\u00a0]$/.test(after.slice(0, m.index))) break;
    if (/[,.;:!?)]/.test(after.slice(lead, m.index))) break;
    const word = m[0];
    const lower = word.toLowerCase();
    if (STOP_UNIT.test(word)) break;
    if (/^\p{Lu}/u.test(word)) {
      proper.push(lower);
      continue;
    }
    const end = m.index + word.length;
    const named = proper.length ? { proper } : {};
    if (i === 0 && PEOPLE_PARTICIPLES.has(lower)) return { unit: 'people', end, word: lower };
    // "1 teacher dead": the singular noun straight after the number is the counted thing; "dead" says its state.
    if (PEOPLE_STATES.has(lower) && fallback && fallbackAt === 0 && !/ed$/.test(fallback.word) && !COUNT_QUALIFIERS.has(fallback.word)) return fallback;
    if (isPlural(lower)) {
      const base = PLURAL_NOUNS.has(lower) ? lower : stem(lower);
      return { unit: UNIT_ALIASES[base] ?? base, end, word: lower, ...named };
    }
    if (!fallback) {
      fallback = { unit: UNIT_ALIASES[stem(lower)] ?? stem(lower), end, word: lower, ...named };
      fallbackAt = i;
    }
  }
  return fallback;
}
