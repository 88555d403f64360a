// Quotations and who said them.
import type { QuoteClaim, Span } from '../model/types';
import { firstNotBefore } from '../model/spans';
import type { Paragraph, Sentence } from '../text/segment';
import { isTitle, nameRunsOf, type NameRun } from './names';

const SPEECH_VERB =
  'said|says|say|told|tells|telling|added|adds|wrote|writes|warned|warns|stated|states|insisted|suggested|claimed|noted|argued|' +
  'asked|called|calls|described|dismissed|rejected|declared|announced|replied|responded|saying|calling|posted|tweeted|' +
  'cautioned|welcomed|urged|admitted|acknowledged|explained|commented|remarked|vowed|pledged|promised|insists|warning|adding|' +
  'insist|warn|claim|claims|add|suggest|suggests|note|notes|argue|argues|explain|explains|admit|admits|urge|urges|reported|reports';
// Case-sensitive on purpose: "United States" is not a speech verb.
const VERB_AT_START = new RegExp(`^[\\s,.;:—–-]*(?:${SPEECH_VERB})\\b`);
const PRONOUN_VERB_AT_START = new RegExp(`^[\\s,.;:—–-]*(?:[Hh]e|[Ss]he)\\s+(?:${SPEECH_VERB})\\b`);
/** "he said", "she later told" ending a stretch of text. */
const PRONOUN_BEFORE_VERB = new RegExp(`\\b(?:[Hh]e|[Ss]he)\\s+(?:\\w+\\s+)?(?:${SPEECH_VERB})$`);
const VERB_ANYWHERE = new RegExp(`(?<![\\w-])(?:${SPEECH_VERB})\\b`, 'g');
/** Nouns that name who speaks for a body ("spokesman", "ministry", "adviser"), not a person's name. */
const ROLE_WORDS =
  'official|officials|spokesman|spokeswoman|spokesperson|spokespeople|minister|ministry|aide|aides|adviser|advisor|' +
  'deputy|envoy|chief|head|expert|analyst|resident|source|sources|government|leader|leaders|negotiator|diplomat|' +
  'ambassador|office|secretary|president|presidency|chancellor|mayor|governor|commander|embassy|administration|military|army|police';
/** "…," its security chief said / "…," a Kremlin official said: a role, not a named person. */
const ROLE_AFTER = new RegExp(`^[\\s,.;:—–-]*((?:its|the|a|an|his|her|their|one)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?(?:${ROLE_WORDS}|statement|report))\\s+(?:${SPEECH_VERB})\\b`, 'u');
/** "The foreign ministry said" / "a Kremlin spokesman said": a role phrase ending right before the speech verb. */
const ROLE_BEFORE_VERB = new RegExp(`(?:^|[^\\p{L}’'-])((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?(?:${ROLE_WORDS}))\\s+(?:\\w+\\s+)?$`, 'u');
/** ", the president's adviser, " before a name: the name in apposition is the speaker. */
const APPOSITION_BEFORE_NAME = /^(?:the|a|an|his|her|its|their)\s+[^,.;:"“”]{1,60},\s*$/;
/** ", a lawyer for", ", the spokeswoman of": an apposition naming whom the person before it works for. */
const ROLE_FOR_NAME = /^\s*,\s+(?:a|an|the|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,3}(?:for|of|to)\s+$/u;
/** A lower-case noun and a comma before a name ("Lena Ostrova's deputy, Piet Arnoldsen, said"): a role in apposition. */
const ROLE_COMMA_AT_END = /\p{Ll}[\p{L}’'-]*,\s*$/u;
/** "the", "harbour master": lower-case words describing the name that follows, not a new clause ("and", "while"). */
const DESCRIPTOR_BEFORE_NAME =
  /^\s*(?:(?:the|an?)\s+)?(?:(?!(?:and|but|or|nor|while|as|then|when|after|before|because|so|yet|though|although|if|since|until|with|to|for)\s)\p{Ll}[\p{L}’'-]*\s+){0,3}$/u;
/** Words of an office between "of"s: "Secretary of State", "Foreign Minister", "US Trade Representative". */
const OFFICE_WORD = /^(?:of|for|the|\p{Lu}{2,3}|U\.S\.|U\.K\.)$/u;
/** Most words of an office before a name. */
const OFFICE_WORDS = 5;

/** Before a name: lower-case descriptors ("harbour master"), or the words of an office ("Secretary of State"). */
function describesName(between: string): boolean {
  if (DESCRIPTOR_BEFORE_NAME.test(between)) return true;
  const words = between.trim().split(/\s+/);
  return words.length <= OFFICE_WORDS && words.some((w) => isTitle(w)) && words.every((w) => isTitle(w) || OFFICE_WORD.test(w));
}
/** "the president said" after the president was named is that person again, like "he said", not a new speaker. */
const BARE_PERSON_ROLE = /^(?:the|his|her)\s+(?:president|chancellor|mayor|governor|secretary|ambassador|commander|adviser|advisor|deputy)$/i;
/** How far from a quote its attribution is looked for: news style keeps the two within a clause or two. */
const ATTRIBUTION_WINDOW = 320;
const COLON_AT_END = /:\s*["“]?$/;
const NAME_COLON_AT_END = /([\p{L}’']+):\s*["“]?$/u;
/** Before a name ending at the colon: the name is an object ("return to normal with Ostrava:"), not who speaks. */
const OBJECT_BEFORE_COLON_NAME = /^(?:with|in|at|on|to|for|against|about|into|across|over|near|toward|towards|outside|inside|after|before|since|until|during|from|by)$/;
const ACCORDING_TO = /\baccording to\s+$/i;
const ROLE_NOUN = new RegExp(`^(?:[’']s)?\\s*(?:[a-z-]+\\s+){0,2}(?:${ROLE_WORDS})\\b`);

/** "Floyd's brother ", "the firm's chief executive ": an owner's relation or role, naming whoever follows, not the owner. */
const POSSESSED_ROLE = /^[’']s?\s+(?:\p{Ll}[\p{L}-]*\s+){1,3}$/u;

/** "'s brother." after a name: the speaker is the owner's relation, who goes unnamed. */
const OWNER_ROLE_AT_START = /^([’']s?\s+\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2})\s*(?:[.,;:!?]|$)/u;

/** A single capitalised word and a speech verb: '"…," Major said'. */
const RANK_THEN_VERB = new RegExp(`^\\s*(\\p{Lu}\\p{Ll}+)\\s+(?:${SPEECH_VERB})\\b`, 'u');

export interface Speaker { name: string; span?: Span; inferred: boolean; person: boolean }

/** Finds the quotations of one paragraph; straight and curly marks, a missing closing mark ends at the paragraph. */
export function quoteSpansOf(paragraph: Paragraph): Span[] {
  const spans: Span[] = [];
  let open = -1;
  const text = paragraph.text;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i + 1;
    } else if ((c === '”' || c === '"') && open >= 0) {
      spans.push({ start: paragraph.start + open, end: paragraph.start + i });
      open = -1;
    }
  }
  // A quotation left open runs to the end of its paragraph (news style reopens quotes in the next one).
  if (open >= 0) spans.push({ start: paragraph.start + open, end: paragraph.end });
  return spans;
}

/** Trims spaces and the punctuation that house styles put inside the marks. */
function trimQuote(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /[\s.,;:…]/.test(text[start])) start++;
  while (end > start && /[\s.,;:…—–-]/.test(text[end - 1])) end--;
  return end - start >= 2 && /\p{L}/u.test(text.slice(start, end)) ? { start, end } : undefined;
}

export interface QuoteContext {
  text: string;
  sentences: readonly Sentence[];
  paragraphs: readonly Paragraph[];
  /** Surnames known to be people (from the corpus); a single capitalised word in this set is a person. */
  knownPeople?: ReadonlySet<string>;
  /** Name runs per sentence, when already computed. */
  names?: readonly NameRun[][];
  /** Who was speaking at the end of the text before this one; updated in place for the text after. */
  state?: SpeakerState;
}

/** What carries over from one stretch of text to the next for "he said" and bare follow-on quotes. */
export interface SpeakerState {
  lastPerson?: Speaker;
  lastSpeaker?: Speaker;
  /** The last paragraph had a speaker, so a bare quote opening the next one continues it. */
  speakerRecent: boolean;
  /** People named so far (besides the corpus's). */
  people: string[];
}

export function speakerStateKey(state: SpeakerState): string {
  return [state.lastPerson?.name, state.lastSpeaker?.name, state.speakerRecent, state.people.join(',')].join('|');
}

export function extractQuotes(ctx: QuoteContext): QuoteClaim[] {
  const { text, sentences, paragraphs } = ctx;
  const quotes: QuoteClaim[] = [];
  // The corpus's people plus those this text names; the corpus's set is large, so it is consulted, not copied.
  const known = ctx.knownPeople ?? new Set<string>();
  const local = new Set(ctx.state?.people ?? []);
  const people = { has: (name: string) => known.has(name) || local.has(name), add: (name: string) => local.add(name) };
  const ownPeople = new Set(ctx.state?.people ?? []);
  // First name → full name of the people this text names, for "Sir Piet said" after "Sir Piet Moravec".
  const fullNames = new Map<string, string>();
  let lastPerson: Speaker | undefined = ctx.state?.lastPerson;
  let lastSpeaker: Speaker | undefined = ctx.state?.lastSpeaker;
  let lastSpeakerParagraph = ctx.state?.speakerRecent ? -1 : -2;
  let sentenceIndex = 0;
  paragraphs.forEach((paragraph, p) => {
    const spans = quoteSpansOf(paragraph);
    const paragraphSentences: number[] = [];
    while (sentenceIndex < sentences.length && sentences[sentenceIndex].paragraph === p) paragraphSentences.push(sentenceIndex++);
    const quotesHere: QuoteClaim[] = [];
    // Quotes and sentences are both in text order: one pointer into each keeps this linear in the paragraph.
    let at = 0;
    for (const raw of spans) {
      const span = trimQuote(text, raw);
      if (!span || !paragraphSentences.length) continue;
      while (at + 1 < paragraphSentences.length && sentences[paragraphSentences[at]].end < raw.start) at++;
      const s = sentences[paragraphSentences[at]].start <= raw.start ? paragraphSentences[at] : paragraphSentences[0];
      quotesHere.push({ kind: 'quote', span, text: text.slice(span.start, span.end), words: text.slice(span.start, span.end), sentence: s });
    }
    const runsBySentence = new Map<number, NameRun[]>();
    const runsOf = (i: number): NameRun[] => {
      let runs = runsBySentence.get(i);
      if (!runs) runsBySentence.set(i, (runs = ctx.names?.[i] ?? nameRunsOf(sentences[i].text, sentences[i].start)));
      return runs;
    };
    let nextQuote = 0;
    let lastAt = 0;
    // Walk the paragraph's sentences in order, keeping track of the last person named (for "he said").
    for (let k = 0; k < paragraphSentences.length; k++) {
      const s = paragraphSentences[k];
      const sentence = sentences[s];
      const runs = runsOf(s);
      for (const run of runs) {
        if (!isPerson(run, people)) continue;
        if (!people.has(run.surname)) ownPeople.add(run.surname);
        people.add(run.surname);
        if (run.words.length >= 2) fullNames.set(run.words[0].text, run.name);
      }
      for (; nextQuote < quotesHere.length && quotesHere[nextQuote].sentence === s; nextQuote++) {
        const quote = quotesHere[nextQuote];
        // A quote may run over sentence ends ("…shelter. We just wait," said Marchenko): its attribution lies before
        // its first sentence's part and after its last's; the sentences between are all quote.
        while (lastAt + 1 < paragraphSentences.length && sentences[paragraphSentences[lastAt]].end + 2 < quote.span.end) lastAt++;
        const lastSentence = paragraphSentences[lastAt];
        const lastPos = lastSentence > s && sentences[lastSentence].start <= quote.span.end ? lastAt : k;
        const last = paragraphSentences[lastPos];
        const bounds = { start: sentence.start, end: sentences[last].end };
        const quoteRuns = last > s ? [runs, runsOf(last)] : [runs];
        // '"…now?" Varga said.': a quote ending its sentence with ? or ! leaves the attribution to the next one.
        const next = paragraphSentences[lastPos + 1];
        if (next !== undefined && /[?!]/.test(text[quote.span.end - 1]) && !/\p{L}/u.test(text.slice(quote.span.end, bounds.end))) {
          bounds.end = sentences[next].end;
          quoteRuns.push(runsOf(next));
        }
        const speaker = withFullName(text, attribute(text, bounds, quote.span, quoteRuns, people, lastPerson), fullNames);
        if (speaker) {
          quote.speaker = speaker;
          lastSpeaker = speaker;
          lastSpeakerParagraph = p;
        } else if (lastSpeaker && lastSpeakerParagraph >= p - 1 && isBareQuote(text, bounds, quote.span)) {
          // A quote standing alone continues the previous speaker.
          quote.speaker = { ...lastSpeaker, span: undefined, inferred: true };
        }
      }
      const person = [...runs].reverse().find((r) => isPerson(r, people));
      if (person) lastPerson = { name: person.name, span: person, inferred: false, person: true };
    }
    quotes.push(...quotesHere);
  });
  if (ctx.state) {
    ctx.state.lastPerson = lastPerson;
    ctx.state.lastSpeaker = lastSpeaker;
    ctx.state.speakerRecent = lastSpeakerParagraph === paragraphs.length - 1 && lastSpeakerParagraph >= 0;
    ctx.state.people = [...ownPeople];
  }
  return quotes;
}


const KNIGHT_BEFORE = /(?:Sir|Dame)\s+$/;

/** A knight or dame is named by first name after the first mention: "Sir Piet" is the Piet Moravec named before. */
function withFullName(text: string, speaker: Speaker | undefined, fullNames: ReadonlyMap<string, string>): Speaker | undefined {
  if (!speaker?.span || /\s/.test(speaker.name) || !KNIGHT_BEFORE.test(text.slice(Math.max(0, speaker.span.start - 6), speaker.span.start))) return speaker;
  const full = fullNames.get(speaker.name);
  return full ? { ...speaker, name: full } : speaker;
}

/** Places and institutions follow "in", "the", "of"…; people rarely do. */
const PLACE_CUE = /^(?:the|in|at|on|from|to|of|near|into|across|over|for|with|by|via|outside|inside|behind|beyond|around)$/;

/** Last words that make a name an institution or a place, not a person. */
const INSTITUTION = new Set(
  ('House Department Union Street Council Ministry Office Kremlin Parliament Senate Congress Committee Agency Bank Fund ' +
    'Organization Organisation Party Army Forces Force Sea Ocean Region Oblast Square Palace University Üniversitesi News ' +
    'Times Post Radio Press Court Commission Assembly Group Coalition Service Institute Foundation Company Corporation ' +
    'Association Airport Station Bridge River Mountains Islands Republic Kingdom States Nations Alliance Federation Command').split(' '),
);

/** Kin named straight before a name ("his brother Philonise", "Floyd's widow Ana"): only a person has kin. */
const KIN = /^(?:brother|sister|son|daughter|wife|husband|mother|father|widow|widower|cousin|nephew|niece|uncle|aunt|grandson|granddaughter|grandmother|grandfather|fiancée|fiancee|fiancé|fiance)$/;

export function isPerson(run: NameRun, people: { has(name: string): boolean }): boolean {
  // "Tory PM" is a role; "Sir John Major" is a person whose surname happens to be a rank.
  if (INSTITUTION.has(run.surname) || (isTitle(run.surname) && !(run.titled && run.words.length >= 2))) return false;
  if (run.titled || people.has(run.surname) || KIN.test(run.precededBy)) return true;
  return !PLACE_CUE.test(run.precededBy) && run.words.length >= 2;
}

/** The runs lying within [from, to], found by binary search: runs are in text order. */
function runsWithin(runs: readonly NameRun[], from: number, to: number): NameRun[] {
  const within: NameRun[] = [];
  for (let i = firstNotBefore(runs, (r) => r.start < from); i < runs.length && runs[i].start <= to; i++) if (runs[i].end <= to) within.push(runs[i]);
  return within;
}

/** `at`, or the start of the next word when `at` falls inside one (so a cut never leaves "he" of "The"). */
function wordStartAfter(text: string, at: number): number {
  if (at === 0 || !/\p{L}/u.test(text[at - 1])) return at;
  while (at < text.length && /\p{L}/u.test(text[at])) at++;
  return at;
}

/** No words around the quote in its sentence (a sentence longer than the window has some). */
function isBareQuote(text: string, bounds: Span, span: Span): boolean {
  if (span.start - bounds.start > ATTRIBUTION_WINDOW || bounds.end - span.end > ATTRIBUTION_WINDOW) return false;
  const outside = text.slice(bounds.start, span.start) + text.slice(span.end, bounds.end);
  return !/\p{L}{3,}/u.test(outside);
}

/** Parenthetical clauses (", which … ," / "– who … –") whose names are not the subject. */
const ASIDE = /(?:,\s*(?:which|who|whose|where)\b[^,]*,|[–—]\s*[^–—]*[–—]|\([^)]*\))/g;

/**
 * The speaker of a quote, looked for within ATTRIBUTION_WINDOW characters either side of it (and within its
 * sentences, `bounds`), so the work per quote is bounded whatever the sentence's length.
 */
// Compiled once: the speech-verb alternation is long, and attribute() runs for every quote of every source touched.
const VERB_NEXT = new RegExp(`^\\s*,?\\s*(?:${SPEECH_VERB})\\b`);
const VERB_FIRST = new RegExp(`^\\s*(?:${SPEECH_VERB})\\b`);
/** A speech verb anywhere in a stretch of text (no /g: tested, not iterated). */
const SPEECH_VERB_IN = new RegExp(`(?<![\\w-])(?:${SPEECH_VERB})\\b`);
const VERB_AFTER_NAME = new RegExp(`^\\s+(?:[a-z]+ly\\s+)?(?:${SPEECH_VERB})\\b`);

/** The text after a name goes straight on to a speech verb: "(Major) warned that…", "(Major) later said". */
export function speechVerbFollows(textAfterName: string): boolean {
  return VERB_AFTER_NAME.test(textAfterName);
}
/** How far after a quote opening its sentence the clause naming its speaker is looked for. */
const CLOSING_CLAUSE_REACH = 240;
/** Before a speaker's name in a closing clause: nothing, or descriptors and titles ("Federal Reserve Chair"). */
const DESCRIPTOR_OR_TITLES = /^(?:(?:the|an?)\s+)?(?:[\p{L}’'-]+\s+){0,4}$/u;

function attribute(
  text: string,
  bounds: Span,
  quote: Span,
  sentenceRuns: ReadonlyArray<readonly NameRun[]>,
  people: { has(name: string): boolean },
  lastPerson: Speaker | undefined,
): Speaker | undefined {
  const from = Math.max(bounds.start, quote.start - ATTRIBUTION_WINDOW);
  const to = Math.min(bounds.end, quote.end + ATTRIBUTION_WINDOW);
  const runs = sentenceRuns.flatMap((list) => runsWithin(list, from, to));
  const asSpeaker = (run: NameRun, inferred = false): Speaker => ({
    name: run.name,
    span: { start: run.words[0].start, end: run.end },
    inferred,
    person: isPerson(run, people),
  });
  const asRole = (name: string): Speaker => ({ name: name.trim().replace(/^(?:its|the|a|an|his|her|their|one)\s+/i, ''), span: undefined, inferred: false, person: false });
  // "Floyd's brother Philonise": the name after the owner's relation, when one follows straight on.
  const possessedBy = (owner: NameRun): NameRun | undefined => {
    const next = runs.find((r) => r.start > owner.end && r.start - owner.end <= 40);
    return next && POSSESSED_ROLE.test(text.slice(owner.end, next.start)) ? next : undefined;
  };
  // "he" is the last person named, in this sentence before the quote or earlier.
  const pronoun = (): Speaker | undefined => {
    const here = [...runs].reverse().find((r) => r.end <= quote.start && isPerson(r, people));
    if (here) return { ...asSpeaker(here, true), span: undefined };
    return lastPerson && { ...lastPerson, span: undefined, inferred: true };
  };

  // After the quote: "…," said Zelensky / "…," Zelensky said / "…," he said
  const afterStart = quote.end + (/^[^\p{L}]*/u.exec(text.slice(quote.end, to))?.[0].length ?? 0);
  const after = text.slice(afterStart, to);
  if (PRONOUN_VERB_AT_START.test(after)) return pronoun();
  // "…," the president's adviser, Jane Roe, said: the name in apposition speaks.
  const following = runs.filter((r) => r.start >= afterStart);
  const apposed = following.find((r) => r.start - afterStart <= 80 && APPOSITION_BEFORE_NAME.test(text.slice(afterStart, r.start)));
  if (apposed && isPerson(apposed, people) && VERB_NEXT.test(text.slice(apposed.end, to))) return asSpeaker(apposed);
  const namedBefore = runs.some((r) => r.end <= quote.start && isPerson(r, people));
  const role = ROLE_AFTER.exec(after);
  if (role && !(namedBefore && BARE_PERSON_ROLE.test(role[1]))) return asRole(role[1]);
  const verbAfter = VERB_AT_START.exec(after);
  if (verbAfter) {
    const verbEnd = afterStart + verbAfter[0].length;
    const named = runs.filter((r) => r.start >= verbEnd && r.start - verbEnd <= 40);
    const run = named.find((r) => isPerson(r, people)) ?? named[0];
    // '"…," said Floyd's brother.': the brother speaks, not Floyd.
    const ownerRole = run && !possessedBy(run) ? OWNER_ROLE_AT_START.exec(text.slice(run.end, to)) : null;
    if (ownerRole) return asRole(text.slice(run!.start, run!.end) + ownerRole[1]);
    if (run) return asSpeaker(possessedBy(run) ?? run);
  }
  // "…," Zelensky said / "…," the White House said / "…," harbour master Ines Varga said
  const leading = following.find((r) => r.start - afterStart <= 40 && describesName(text.slice(afterStart, r.start)));
  if (leading && VERB_FIRST.test(text.slice(leading.end, to))) return asSpeaker(leading);
  // "…," Floyd's brother Philonise said
  const owned = leading && possessedBy(leading);
  if (owned && VERB_FIRST.test(text.slice(owned.end, to))) return asSpeaker(owned);
  // '"…," Major said': a surname that is also a rank makes no name run of its own, but names the person it was given to.
  const rank = RANK_THEN_VERB.exec(after);
  if (rank && isTitle(rank[1]) && people.has(rank[1])) {
    const start = afterStart + rank[0].indexOf(rank[1]);
    return { name: rank[1], span: { start, end: start + rank[1].length }, inferred: false, person: true };
  }

  // '"It is essential that we bring inflation down" in order to …, Fed Chair Jerome Powell said Wednesday': a quote
  // opening its sentence, the sentence going on unquoted to the clause that says who spoke.
  if (!/[\p{L}\d]/u.test(text.slice(bounds.start, Math.max(bounds.start, quote.start - 1)))) {
    const rest = text.slice(afterStart, Math.min(bounds.end, afterStart + CLOSING_CLAUSE_REACH));
    const comma = /^[^"“”]*?,\s+(?=[^,"“”]*$|[^,"“”]*\s(?:said|says|told|added|stated)\b)/.exec(rest);
    if (comma && !SPEECH_VERB_IN.test(rest.slice(0, comma[0].length))) {
      const clauseStart = afterStart + comma[0].length;
      const speaker = following.find((r) => r.start >= clauseStart && r.start - clauseStart <= 40 && DESCRIPTOR_OR_TITLES.test(text.slice(clauseStart, r.start)));
      if (speaker && isPerson(speaker, people) && VERB_FIRST.test(text.slice(speaker.end, to))) return asSpeaker(speaker);
    }
  }

  // Before the quote: Zelensky said: "…" / according to Zelensky, "…" / Kallas: "…"
  const before = text.slice(from, quote.start);
  const beforeRuns = runs.filter((r) => r.end <= quote.start);
  // The cheap test first: scanning every word of `before` for one that ends at a final colon is slow.
  const colon = COLON_AT_END.test(before) ? NAME_COLON_AT_END.exec(before) : null;
  if (colon) {
    const run = beforeRuns.find((r) => r.end === from + colon.index + colon[1].length);
    if (run && !OBJECT_BEFORE_COLON_NAME.test(run.precededBy)) return asSpeaker(run);
  }
  const according = beforeRuns.find((r) => ACCORDING_TO.test(text.slice(Math.max(from, r.start - 16), r.start)));
  if (according) return asSpeaker(according);
  let verb: RegExpExecArray | null = null;
  VERB_ANYWHERE.lastIndex = 0;
  for (let m = VERB_ANYWHERE.exec(before); m; m = VERB_ANYWHERE.exec(before)) verb = m;
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  const asides: Span[] = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(before); m; m = ASIDE.exec(before)) asides.push({ start: from + m.index, end: from + m.index + m[0].length });
  // "wrote to Sir Anton saying", "in a letter to Anton Weller, Moravec says": the one addressed does not speak.
  const candidates = beforeRuns.filter((r) => r.end <= verbAt && r.precededBy !== 'to' && !asides.some((a) => a.start <= r.start && r.end <= a.end));
  // The subject is the nearest name in the verb's own clause ("Zelensky responded by saying")…
  const sameClause = [...candidates].reverse().find((r) => verbAt - r.end <= 60 && !/[,;:–—()]/.test(text.slice(r.end, verbAt)));
  const clauseText = sameClause ? text.slice(sameClause.end, verbAt) : '';
  if (sameClause && /\b(?:he|she)\b/i.test(clauseText)) return pronoun();
  if (!sameClause && PRONOUN_BEFORE_VERB.test(text.slice(wordStartAfter(text, Math.max(from, verbAt - 20)), verbAt + verb[0].length))) return pronoun();
  if (sameClause) {
    // "Mark Cole, a lawyer for Bankman said, “…”": the comma closing the apposition is missing, and the name before it speaks.
    const before = candidates[candidates.indexOf(sameClause) - 1];
    if (before && isPerson(before, people) && ROLE_FOR_NAME.test(text.slice(before.end, sameClause.start))) return asSpeaker(before);
    // "Germany's foreign minister said" names a role, not a person called Germany; "Roe's spokesman" is not Roe.
    const roleNoun = ROLE_NOUN.exec(clauseText);
    if (roleNoun && (!isPerson(sameClause, people) || /^[’']s\b/.test(clauseText))) return asRole(text.slice(sameClause.start, sameClause.end) + roleNoun[0]);
    if (isPerson(sameClause, people) || verbAt - sameClause.end <= 2) return asSpeaker(sameClause);
  } else {
    // "Lena Ostrova's deputy, Piet Arnoldsen, said": the name in apposition to a role is the subject.
    const nearest = candidates[candidates.length - 1];
    if (nearest && isPerson(nearest, people) && /^\s*,\s*$/.test(text.slice(nearest.end, verbAt)) && ROLE_COMMA_AT_END.test(text.slice(Math.max(from, nearest.start - 40), nearest.start))) {
      return asSpeaker(nearest);
    }
    // "The foreign ministry said", "a Kremlin spokesman said": a role with no name of its own.
    const role = ROLE_BEFORE_VERB.exec(text.slice(Math.max(from, verbAt - 80), verbAt));
    if (role && !(candidates.some((r) => isPerson(r, people)) && BARE_PERSON_ROLE.test(role[1]))) return asRole(role[1]);
  }
  // …or else the first person named in the sentence ("Trump, commenting after the Geneva talks, said").
  const first = candidates.find((r) => isPerson(r, people));
  return first && asSpeaker(first);
}
