// Which event a date dates: the clause it sits in, with that clause's actors and words. "Negotiators met on Sunday, and
// on Monday the president said…" holds two events; each date is compared only with a source date of the same one.
import type { DateClaim, Span } from '../model/types';
import type { Segmented } from '../extract/document';
import type { NameRun } from '../extract/names';
import { datelineAt } from '../extract/dates';
import { contentWords } from '../text/words';
import { coverage } from '../text/similarity';

export interface DateEvent {
  /** Name keys of who or what acts in the clause (places after "in", "at", … left out). */
  actors: string[];
  /** Lower-case content words of the clause, names, quotations and the date itself left out. */
  words: string[];
  /** Name keys of everyone the claim's sentence names as a possible actor: where the other side's actors are looked for. */
  named: string[];
  /** Amounts the clause tells ("jumped to 67"), years, times and days of the month left out. */
  amounts: string[];
  /** Where a statement was made, when the clause says: an interview, a press conference, a written statement, a post. */
  occasion?: Occasion;
  /** The clause tells of many events ("at every election until 1970", "each year since 2010"), not one. */
  series?: boolean;
  /** The day the date names, when known ("on Friday" resolved against the document's date): orders two announcements. */
  day?: string;
  /** The date's noun phrase marks another instance of the event ("another increase in September", "a second vote on"). */
  repeat?: boolean;
  /** A year naming the thing after it ("the 2016 election"): its matching key. That thing is the event, not the clause's. */
  names?: string;
  /**
   * A statement in the clause: "governs" when the date follows its verb ("Biden said Monday", "told CNN on Friday"),
   * so the date is the statement's, not what it tells of; "told" when the clause only has one ("…, his office said").
   */
  speech?: 'governs' | 'told';
}

type Occasion = 'press' | 'interview' | 'statement' | 'post';

/** How a clause tells where something was said ("told CNN", "at a press conference"), first match first. */
const OCCASIONS: ReadonlyArray<[Occasion, RegExp]> = [
  ['press', /\b(?:press|news)\s+(?:conference|briefing)s?\b|\bbriefing\b|\btold\s+(?:reporters|journalists|a\s+(?:news|press)\b)/i],
  ['interview', /\binterview(?:ed)?\b|\b(?:told|speaking\s+to|appear(?:ed|ing)?\s+on)\s+(?:the\s+)?\p{Lu}/u],
  ['statement', /\b(?:in|issued)\s+a\s+(?:written\s+|joint\s+)?statement\b/i],
  ['post', /\b(?:in\s+a\s+post|posted|wrote\s+on|on\s+social\s+media|tweet(?:ed)?)\b/i],
];

/** "at every election until", "each year since": the date bounds a run of events. */
const SERIES_BEFORE = /\b(?:every|each)\b[^,;.]{0,60}\b(?:until|till|through|since|from|before|after)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/i;

/** "another increase in", "a second round of talks on", "a further cut by": the dated noun phrase is a repeat. */
const REPEAT_BEFORE = /\b(?:another|a\s+(?:second|third|fourth|fifth|further))\s+(?:[\p{L}-]+\s+){1,4}(?:in|on|at|by|for|from|during|until|before|after)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/iu;

// Not "added" or "posted": "added jobs last month", "posted a loss in May" tell of figures, not statements.
const SPEECH_VERB = String.raw`(?:said|says|told|announced|stated|declared|wrote|tweeted|noted|warned|confirmed|spoke|claimed|insisted|pledged|vowed)`;
/** A speech verb governing the date: "said Monday", "said late on Friday", "told reporters on Tuesday", "told CNN Friday". */
const SPEECH_BEFORE = new RegExp(String.raw`\b${SPEECH_VERB}(?:\s+[\p{L}’'-]+)?\s+(?:(?:late|early)\s+)?(?:on\s+|last\s+)?(?:(?:late|early)\s+)?$`, 'u');
const SPEECH_IN_CLAUSE = new RegExp(String.raw`\b${SPEECH_VERB}\b`, 'u');

/** "the 2016 election", "a 2018 fire": a year between a determiner and the noun it names. */
const DETERMINER_BEFORE = /\b(?:the|a|an|its|his|her|their|this|that)\s+$/i;
const NOUN_AFTER = /^\s+([\p{Ll}-]{3,})/u;
const NOT_A_NOUN = /^(?:and|or|but|when|after|before|as|to|of|in|on|at|for|with|by|was|were|is|are|had|has|have|will|would)$/;

/** The matching key of what a year names ("the 2016 election" → "electi"), when it stands before a noun. */
function namedByYear(text: string, claim: DateClaim): string | undefined {
  if (claim.granularity !== 'year' || !DETERMINER_BEFORE.test(text.slice(Math.max(0, claim.span.start - 8), claim.span.start))) return undefined;
  const noun = NOUN_AFTER.exec(text.slice(claim.span.end, claim.span.end + 30))?.[1];
  return noun && !NOT_A_NOUN.test(noun) ? contentWords(noun)[0] : undefined;
}

const occasionOf = (clause: string): Occasion | undefined => OCCASIONS.find(([, pattern]) => pattern.test(clause))?.[0];

/** How far a clause is looked for on either side of its date. */
const REACH = 160;
/**
 * Where a clause ends: ", and", ";", ", while", ", but", ", after", ", with", a dash, a relative clause, "…, two years
 * after", a further point of what was said (", adding that", "and that"), and a comparison ("shorter than the
 * 15-year term prosecutors asked for": the term is another quantity; "down from 3.5% in December": an earlier value).
 */
const BOUNDARY =
  /;|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|after|before|as|when|since|until|even as|with|who|which|where|whose|whom)\b|,\s+[\w-]+\s+(?:years?|months?|weeks?|days?|hours?)\s+(?:after|before|later|earlier)\b|,\s+adding\b|\s+and\s+that\s|\s+but\s|(?<!\b(?:more|less|fewer))\s+than\s|\s(?:closer|nearer)\s+to\s|\s(?:down|up)\s+from\s/gi;
const DATE_TOKEN =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:1[89]|20)\d\d\b|\b[\w.-]+[\s-](?:years?|months?|weeks?|days?)\b/g;
const WHEN_SAME_DAY = /^,\s+when$/i;
/** What joins a date's clause to the next date's: " and ", " as ", " after ", " while ". */
const JOIN_AFTER = /\s(?:and|as|after|while)\s/;
const RELATIVE = /^,\s+(?:who|which|where|whose|whom)\b/i;
const DASH = /^\s[—–]\s$/;
const RELATIVE_WORD = /^(?:who|which|where|whose|whom)\b/i;
/**
 * A sentence opening with a subordinate clause ("While Trump had pushed…, the president said…") or a participle phrase
 * ("Asked about a U.S. official's claim…, the administration pointed…") ends it at its comma.
 */
const LEADING_SUBORDINATE =
  /^\s*(?:While|Although|Though|As|After|Before|When|Since|Because|If|Whereas|Despite|Once|Until|Asked|Pressed|Questioned|Speaking|Talking|Responding|Replying|Answering|Writing|Addressing|Commenting|Reacting|Referring|Following)\b[^,;]{0,200},/;
const QUOTED = /["“][^"“”\n]{0,400}["”]/g;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'of', 'into', 'across', 'outside', 'inside', 'for', 'with', 'on', 'by', 'between']);

/** The clause around `span` in its sentence: [start, end) with any closed relative clause before the date cut out. */
function clauseOf(text: string, sentence: Span, span: Span): { start: number; end: number; gap?: Span } {
  const from = Math.max(sentence.start, span.start - REACH);
  const to = Math.min(sentence.end, span.end + REACH);
  const before = text.slice(from, span.start);
  const boundaries = [...before.matchAll(BOUNDARY)];
  let start = from;
  let end = to;
  let gap: Span | undefined;
  const last = boundaries[boundaries.length - 1];
  const previousBoundary = boundaries[boundaries.length - 2];
  const asideOpens = previousBoundary && RELATIVE_WORD.test(before.slice(previousBoundary.index + previousBoundary[0].length));
  if (last && previousBoundary && DASH.test(last[0]) && DASH.test(previousBoundary[0]) && asideOpens) {
    // "Lavrov – who is not attending the talks – said on Tuesday": the relative clause between dashes is another event.
    const opening = boundaries[boundaries.length - 3];
    start = opening ? from + opening.index + opening[0].length : from;
    gap = { start: from + previousBoundary.index, end: from + last.index + last[0].length };
  } else if (last) {
    const closing = RELATIVE.test(last[0]) ? before.indexOf(',', last.index + 1) : -1;
    if (closing >= 0) {
      // "Vale, who met Dray on Friday, said on Monday": the relative clause is another event, the rest this one.
      const previous = boundaries[boundaries.length - 2];
      start = previous ? from + previous.index + previous[0].length : from;
      gap = { start: from + last.index, end: from + closing + 1 };
    } else start = from + last.index + last[0].length;
  }
  // "KYIV — Ukraine wants…": the dateline names where the story was filed, not who acted.
  if (from === sentence.start) start = Math.max(start, sentence.start + (datelineAt(text.slice(sentence.start, to))?.end ?? 0));
  // An opening clause is read from the sentence's start, however far before the date it begins (bounded: 200 characters).
  const lead = LEADING_SUBORDINATE.exec(text.slice(sentence.start, Math.min(to, sentence.start + 240)));
  if (lead) {
    const comma = sentence.start + lead[0].length;
    if (comma <= span.start) start = Math.max(start, comma);
    else end = Math.min(end, comma - 1);
  }
  // Another date in the clause, joined by "and", dates another event ("11 years in prison and 3 years of supervision").
  const window = text.slice(start, end);
  for (const other of window.matchAll(DATE_TOKEN)) {
    const at = start + other.index;
    if (at + other[0].length <= span.start) {
      const and = text.slice(at + other[0].length, span.start).lastIndexOf(' and ');
      if (and >= 0) start = Math.max(start, at + other[0].length + and + 5);
    } else if (at >= span.end) {
      // After the date, "as", "after" or "while" may join it too ("on Sunday as the toll from an attack a day earlier rose").
      const join = JOIN_AFTER.exec(text.slice(span.end, at));
      if (join) end = Math.min(end, span.end + join.index);
      break;
    }
  }
  const after = text.slice(span.end, end);
  BOUNDARY.lastIndex = 0;
  let next = BOUNDARY.exec(after);
  // "on Sunday, when he said…": what the when-clause tells happened that day, so it is this date's event too (up to
  // a colon: "since 2001, when it slumped to 59.4%: the lowest since…" goes on about something else).
  if (next && next.index === 0 && WHEN_SAME_DAY.test(next[0])) {
    next = BOUNDARY.exec(after);
    const colon = after.indexOf(':');
    if (colon >= 0 && (!next || colon < next.index)) {
      end = span.end + colon;
      next = null;
    }
  }
  BOUNDARY.lastIndex = 0;
  if (next) end = span.end + next.index;
  // A date inside a relative clause belongs to it alone: it ends at the next comma.
  else if (last && RELATIVE.test(last[0]) && !gap) {
    const comma = after.indexOf(',');
    if (comma >= 0) end = span.end + comma;
  }
  return { start, end, gap };
}

/** The event a date claim dates: its clause's actors and words. */
export function dateEventOf(doc: Segmented, claim: DateClaim, common: ReadonlySet<string>): DateEvent {
  const sentence = doc.sentences[claim.sentence];
  const { start, end, gap } = clauseOf(doc.text, sentence, claim.span);
  const inClause = (r: Span) => r.start >= start && r.end <= end && !(gap && r.start >= gap.start && r.start < gap.end) && (r.end <= claim.span.start || r.start >= claim.span.end);
  // "Vale's offer", "shares in Kestrel": an owner or a place, not who acted.
  const named = (doc.names[claim.sentence] ?? []).filter((r) => isName(r, common));
  const possibleActors = named.filter((r) => !placeOrOwner(r) || ownsDatedPhrase(doc.text, r, claim.span));
  const actors = possibleActors.filter(inClause).map(nameKey);
  const clause = gap
    ? doc.text.slice(start, gap.start) + ' ' + doc.text.slice(gap.end, end)
    : doc.text.slice(start, claim.span.start) + ' ' + doc.text.slice(claim.span.end, end);
  // Names are the actors; units of time say nothing about which event ("three years of supervision", "a 15-year term").
  // A sentence opening with a common word ("Prosecutors had sought…") keeps it: it is a word of the clause, not a name.
  const opening = start === sentence.start ? /^\s*(\p{Lu}[\p{L}’'-]*)/u.exec(clause)?.[1] : undefined;
  const plain = (opening && common.has(opening.toLowerCase()) ? opening.toLowerCase() + ' ' : '') +
    clause
      .replace(QUOTED, ' ')
      .replace(/\b\p{Lu}[\p{L}’'-]*/gu, ' ')
      .replace(/\b(?:years?|months?|weeks?|days?|hours?)\b/gi, ' ');
  const occasion = occasionOf(clause);
  const series = SERIES_BEFORE.test(doc.text.slice(start, claim.span.start));
  const repeat = REPEAT_BEFORE.test(doc.text.slice(Math.max(start, claim.span.start - 80), claim.span.start));
  const names = namedByYear(doc.text, claim);
  const speech = SPEECH_BEFORE.test(doc.text.slice(Math.max(start, claim.span.start - 40), claim.span.start)) ? 'governs' : SPEECH_IN_CLAUSE.test(clause) ? 'told' : undefined;
  const day = claim.resolved;
  return {
    actors, words: contentWords(plain), named: possibleActors.map(nameKey), amounts: amountsOf(clause),
    ...(occasion && { occasion }), ...(series && { series }), ...(day && { day }), ...(repeat && { repeat }), ...(names && { names }), ...(speech && { speech }),
  };
}

const MONTH_NAME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?/;
/** A number in a clause, with what stands either side: enough to leave out times and days of the month. */
const AMOUNT = new RegExp(`(${MONTH_NAME.source}\\s+)?(?<![\\d.,:])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?![\\d:])(\\s*(?:a\\.?m\\b|p\\.?m\\b|${MONTH_NAME.source}))?`, 'g');

/** The amounts a clause tells, as written without thousands separators. */
function amountsOf(clause: string): string[] {
  const out: string[] = [];
  for (const m of clause.matchAll(AMOUNT)) {
    if (m[1] || m[3] || /^(?:18|19|20)\d\d$/.test(m[2])) continue;
    out.push(m[2].replace(/,/g, ''));
  }
  return out;
}

const POSSESSIVE = /[’'](?:s)?$/;

/**
 * A run after "in", "at", … is a place, one with a possessive an owner: neither acts. "Secretary of State Marco Rubio"
 * splits after "of", but a titled run there ends the title, not a place.
 */
const placeOrOwner = (r: NameRun) => (PLACE_PREPOSITIONS.has(r.precededBy) && !(r.titled && r.precededBy === 'of')) || POSSESSIVE.test(r.text);

/** Words between an owner and the date of its phrase: "Rubio’s comments in Geneva on", "Putin’s visit to Beijing in". */
const DATED_PHRASE = /^(?:[’']s?)?\s+(?:[\p{L}-]+\s+){1,5}$/u;

/**
 * "Rubio’s comments in Geneva on Sunday": the owner of the noun phrase the date ends is who acted on that day (he
 * commented). "accepted Vale’s offer", after the date, is still only an owner.
 */
const ownsDatedPhrase = (text: string, r: NameRun, date: Span) =>
  POSSESSIVE.test(r.text) && r.end <= date.start && DATED_PHRASE.test(text.slice(r.end, date.start));

const isName = (r: NameRun, common: ReadonlySet<string>) => !r.sentenceInitial || !common.has(r.surname.toLowerCase());
const nameKey = (r: NameRun) => r.surname.toLowerCase().slice(0, 6);

/** Share of one clause's word weight the other has, at least this, for two dates to date the same event. */
const SAME_EVENT_WORDS = 0.35;

/**
 * Whether two dates date the same event: not when each clause has its own actor the other side never names ("Lavrov
 * said on Tuesday" against "Zelensky said on Monday"), nor when both clauses say what happened and share too little of
 * it ("the president told reporters on Tuesday" against "on Monday Zelensky welcomed the changes").
 */
export function sameDateEvent(a: DateEvent, b: DateEvent, idf: (word: string) => number): boolean {
  // "at every election until 1970" against "the 2024 election": a run of events is not one of them.
  if (!!a.series !== !!b.series) return false;
  // "surprised markets on Thursday with an increase" against "another increase in September": two of them.
  if (!!a.repeat !== !!b.repeat) return false;
  // "moved across the Midwest Friday night" against "Biden said Monday he will go": a statement's day is its own.
  if ((a.speech === 'governs' && !b.speech) || (b.speech === 'governs' && !a.speech)) return false;
  // "indicted in March 2023" against "the 2016 election": a year naming another thing dates that thing.
  if (a.names !== b.names && ((a.names && !b.words.includes(a.names)) || (b.names && !a.words.includes(b.names)))) return false;
  // "told CNN on Friday" against "at a press conference on Saturday": one person saying it on two occasions.
  if (a.occasion && b.occasion && a.occasion !== b.occasion) return false;
  if (a.actors.length && b.actors.length && !a.actors.some((x) => b.actors.includes(x))) {
    if (a.actors.some((x) => !b.named.includes(x)) && b.actors.some((x) => !a.named.includes(x))) return false;
  }
  // "jumped to 67, officials said Friday" against "reached 93 on Saturday": a rising count's two announcements.
  if (a.amounts.length && b.amounts.length && !a.amounts.some((x) => b.amounts.includes(x)) && !againstARise(a, b)) return false;
  if (!a.words.length || !b.words.length) return true;
  return Math.max(coverage(a.words, b.words, idf), coverage(b.words, a.words, idf)) >= SAME_EVENT_WORDS;
}

/**
 * Two days' amounts that no rising count could give: the later day has only smaller amounts ("6.1% on Monday" against
 * "6.4% on the Friday before"). Then one side's figure is wrong, not a later announcement, and the words decide.
 */
function againstARise(a: DateEvent, b: DateEvent): boolean {
  if (!a.day || !b.day || a.day === b.day) return false;
  const [earlier, later] = a.day < b.day ? [a, b] : [b, a];
  return later.amounts.every((x) => earlier.amounts.every((y) => Number(x) < Number(y)));
}

/** A source date's event, computed once: source claims are long-lived and compared with many draft claims. */
const sourceEvents = new WeakMap<DateClaim, DateEvent>();

/** Whether a source date (not in the source's reference list) dates the draft date's event. */
export function sourceDateOfEvent(draftEvent: DateEvent, doc: Segmented, claim: DateClaim, common: ReadonlySet<string>, idf: (word: string) => number): boolean {
  if (doc.meta.referencesStart !== undefined && claim.span.start >= doc.meta.referencesStart) return false;
  return sameDateEvent(draftEvent, sourceEventOf(doc, claim, common), idf);
}

/** A source date's event (computed once). */
export function sourceEventOf(doc: Segmented, claim: DateClaim, common: ReadonlySet<string>): DateEvent {
  let event = sourceEvents.get(claim);
  if (!event) sourceEvents.set(claim, (event = dateEventOf(doc, claim, common)));
  return event;
}
