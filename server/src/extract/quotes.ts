// Quotations and who said them.
import type { QuoteClaim, Span } from '../model/types';
import type { Paragraph, Sentence } from '../text/segment';
import { isTitle, nameRunsOf, type NameRun } from './names';

const SPEECH_VERB =
  'said|says|say|told|tells|added|adds|wrote|writes|warned|warns|stated|states|insisted|suggested|claimed|noted|argued|' +
  'asked|called|calls|described|dismissed|rejected|declared|announced|replied|responded|saying|calling|posted|tweeted|' +
  'cautioned|welcomed|urged|admitted|acknowledged|explained|commented|remarked|vowed|pledged|promised|insists|warning|adding|' +
  'insist|warn|claim|claims|add|suggest|suggests|note|notes|argue|argues|explain|explains|admit|admits|urge|urges|reported|reports';
// Case-sensitive on purpose: "United States" is not a speech verb.
const VERB_AT_START = new RegExp(`^[\\s,.;:—–-]*(?:${SPEECH_VERB})\\b`);
const PRONOUN_VERB_AT_START = new RegExp(`^[\\s,.;:—–-]*(?:[Hh]e|[Ss]he)\\s+(?:${SPEECH_VERB})\\b`);
const VERB_ANYWHERE = new RegExp(`(?<![\\w-])(?:${SPEECH_VERB})\\b`, 'g');
/** "…," its security chief said / "…," a Kremlin official said: a role, not a named person. */
const ROLE_AFTER = new RegExp(`^[\\s,.;:—–-]*((?:its|the|a|an|his|her|their|one)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?(?:official|officials|spokesman|spokeswoman|spokesperson|minister|aide|envoy|chief|head|expert|analyst|resident|source|sources|ministry|government|leader|negotiator|diplomat|statement|report))\\s+(?:${SPEECH_VERB})\\b`, 'u');
const COLON_AT_END = /:\s*["“]?$/;
const NAME_COLON_AT_END = /([\p{L}’']+):\s*["“]?$/u;
const ACCORDING_TO = /\baccording to\s+$/i;
const ROLE_NOUN = /^(?:[’']s)?\s*(?:[a-z-]+\s+){0,2}(?:official|officials|spokesman|spokeswoman|spokesperson|minister|aide|envoy|chief|head|expert|analyst|resident|source|sources|ministry|government|leader|leaders|negotiator|diplomat)\b/;

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
  let lastPerson: Speaker | undefined = ctx.state?.lastPerson;
  let lastSpeaker: Speaker | undefined = ctx.state?.lastSpeaker;
  let lastSpeakerParagraph = ctx.state?.speakerRecent ? -1 : -2;
  let sentenceIndex = 0;
  paragraphs.forEach((paragraph, p) => {
    const spans = quoteSpansOf(paragraph);
    const paragraphSentences: number[] = [];
    while (sentenceIndex < sentences.length && sentences[sentenceIndex].paragraph === p) paragraphSentences.push(sentenceIndex++);
    const quotesHere: QuoteClaim[] = [];
    for (const raw of spans) {
      const span = trimQuote(text, raw);
      if (!span) continue;
      const s = sentenceHolding(sentences, paragraphSentences, raw.start) ?? paragraphSentences[0];
      if (s === undefined) continue;
      quotesHere.push({ kind: 'quote', span, text: text.slice(span.start, span.end), words: text.slice(span.start, span.end), sentence: s });
    }
    const quotesBySentence = new Map<number, QuoteClaim[]>();
    for (const q of quotesHere) {
      const list = quotesBySentence.get(q.sentence);
      if (list) list.push(q);
      else quotesBySentence.set(q.sentence, [q]);
    }
    // Walk the paragraph's sentences in order, keeping track of the last person named (for "he said").
    for (const s of paragraphSentences) {
      const sentence = sentences[s];
      const runs = ctx.names?.[s] ?? nameRunsOf(sentence.text, sentence.start);
      for (const run of runs) {
        if (!isPerson(run, people)) continue;
        if (!people.has(run.surname)) ownPeople.add(run.surname);
        people.add(run.surname);
      }
      const inSentence = quotesBySentence.get(s) ?? [];
      for (const quote of inSentence) {
        // A quote may run over sentence ends ("…shelter. We just wait," said Marchenko): attribute over all of them.
        const last = sentenceHolding(sentences, paragraphSentences, quote.span.end, 2) ?? s;
        const whole = last > s ? { ...sentence, end: sentences[last].end, text: text.slice(sentence.start, sentences[last].end) } : sentence;
        const wholeRuns = last > s ? nameRunsOf(whole.text, whole.start) : runs;
        const speaker = attribute(text, whole, quote.span, wholeRuns, people, lastPerson);
        if (speaker) {
          quote.speaker = speaker;
          lastSpeaker = speaker;
          lastSpeakerParagraph = p;
        } else if (lastSpeaker && lastSpeakerParagraph >= p - 1 && isBareQuote(text, sentence, quote.span)) {
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

/**
 * The first of a paragraph's sentences (consecutive indices, in text order) whose span, `slack` characters longer,
 * holds `offset`; by binary search, so a paragraph of many sentences and quotes costs no more per quote.
 */
function sentenceHolding(sentences: readonly Sentence[], paragraphSentences: readonly number[], offset: number, slack = 0): number | undefined {
  let lo = 0;
  let hi = paragraphSentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[paragraphSentences[mid]].end + slack < offset) lo = mid + 1;
    else hi = mid;
  }
  const i = paragraphSentences[lo];
  return i !== undefined && sentences[i].start <= offset ? i : undefined;
}

/** Places and institutions follow "in", "the", "of"…; people rarely do. */
const PLACE_CUE = /^(?:the|in|at|on|from|to|of|near|into|across|over|for|with|by|via)$/;

/** Last words that make a name an institution or a place, not a person. */
const INSTITUTION = new Set(
  ('House Department Union Street Council Ministry Office Kremlin Parliament Senate Congress Committee Agency Bank Fund ' +
    'Organization Organisation Party Army Forces Force Sea Ocean Region Oblast Square Palace University Üniversitesi News ' +
    'Times Post Radio Press Court Commission Assembly Group Coalition Service Institute Foundation Company Corporation ' +
    'Association Airport Station Bridge River Mountains Islands Republic Kingdom States Nations Alliance Federation Command').split(' '),
);

export function isPerson(run: NameRun, people: { has(name: string): boolean }): boolean {
  if (INSTITUTION.has(run.surname) || isTitle(run.surname)) return false;
  if (run.titled || people.has(run.surname)) return true;
  return !PLACE_CUE.test(run.precededBy) && run.words.length >= 2;
}

function isBareQuote(text: string, sentence: Sentence, span: Span): boolean {
  const outside = text.slice(sentence.start, span.start) + text.slice(span.end, sentence.end);
  return !/\p{L}{3,}/u.test(outside);
}

/** Parenthetical clauses (", which … ," / "– who … –") whose names are not the subject. */
const ASIDE = /(?:,\s*(?:which|who|whose|where)\b[^,]*,|[–—]\s*[^–—]*[–—]|\([^)]*\))/g;

function attribute(
  text: string,
  sentence: Sentence,
  quote: Span,
  runs: NameRun[],
  people: { has(name: string): boolean },
  lastPerson: Speaker | undefined,
): Speaker | undefined {
  const asSpeaker = (run: NameRun, inferred = false): Speaker => ({
    name: run.name,
    span: { start: run.words[0].start, end: run.end },
    inferred,
    person: isPerson(run, people),
  });
  // "he" is the last person named, in this sentence before the quote or earlier.
  const pronoun = (): Speaker | undefined => {
    const here = [...runs].reverse().find((r) => r.end <= quote.start && isPerson(r, people));
    if (here) return { ...asSpeaker(here, true), span: undefined };
    return lastPerson && { ...lastPerson, span: undefined, inferred: true };
  };

  // After the quote: "…," said Zelensky / "…," Zelensky said / "…," he said
  const afterStart = quote.end + (/^[^\p{L}]*/u.exec(text.slice(quote.end, sentence.end))?.[0].length ?? 0);
  const after = text.slice(afterStart, sentence.end);
  if (PRONOUN_VERB_AT_START.test(after)) return pronoun();
  const role = ROLE_AFTER.exec(after);
  if (role) return { name: role[1].replace(/^(?:its|the|a|an|his|her|their|one)\s+/, ''), span: undefined, inferred: false, person: false };
  const verbAfter = VERB_AT_START.exec(after);
  if (verbAfter) {
    const from = afterStart + verbAfter[0].length;
    const following = runs.filter((r) => r.start >= from && r.start - from <= 40);
    const run = following.find((r) => isPerson(r, people)) ?? following[0];
    if (run) return asSpeaker(run);
  }
  const leading = runs.find((r) => r.start >= afterStart && r.start - afterStart <= 1);
  if (leading && new RegExp(`^\\s*(?:${SPEECH_VERB})\\b`).test(text.slice(leading.end, sentence.end))) return asSpeaker(leading);

  // Before the quote: Zelensky said: "…" / according to Zelensky, "…" / Kallas: "…"
  const before = text.slice(sentence.start, quote.start);
  const beforeRuns = runs.filter((r) => r.end <= quote.start);
  // The cheap test first: scanning every word of `before` for one that ends at a final colon is slow.
  const colon = COLON_AT_END.test(before) ? NAME_COLON_AT_END.exec(before) : null;
  if (colon) {
    const run = beforeRuns.find((r) => r.end === sentence.start + colon.index + colon[1].length);
    if (run) return asSpeaker(run);
  }
  const according = beforeRuns.find((r) => ACCORDING_TO.test(text.slice(sentence.start, r.start)));
  if (according) return asSpeaker(according);
  let verb: RegExpExecArray | null = null;
  VERB_ANYWHERE.lastIndex = 0;
  for (let m = VERB_ANYWHERE.exec(before); m; m = VERB_ANYWHERE.exec(before)) verb = m;
  if (!verb) return undefined;
  const verbAt = sentence.start + verb.index;
  const asides: Span[] = [];
  ASIDE.lastIndex = 0;
  for (let m = ASIDE.exec(before); m; m = ASIDE.exec(before)) asides.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  const candidates = beforeRuns.filter((r) => r.end <= verbAt && !asides.some((a) => a.start <= r.start && r.end <= a.end));
  // The subject is the nearest name in the verb's own clause ("Zelensky responded by saying")…
  const sameClause = [...candidates].reverse().find((r) => verbAt - r.end <= 60 && !/[,;:–—()]/.test(text.slice(r.end, verbAt)));
  const clauseText = sameClause ? text.slice(sameClause.end, verbAt) : '';
  if (sameClause && /\b(?:he|she)\b/i.test(clauseText)) return pronoun();
  if (!sameClause && new RegExp(`\\b(?:[Hh]e|[Ss]he)\\s+(?:\\w+\\s+)?(?:${SPEECH_VERB})\\b`).test(before.slice(Math.max(0, verb.index - 12)))) return pronoun();
  if (sameClause) {
    // "Germany's foreign minister said" names a role, not a person called Germany.
    if (ROLE_NOUN.test(clauseText) && !isPerson(sameClause, people)) {
      return { name: text.slice(sameClause.start, verbAt).trim().replace(/^(?:a|an|the)\s+/i, ''), span: undefined, inferred: false, person: false };
    }
    if (isPerson(sameClause, people) || verbAt - sameClause.end <= 2) return asSpeaker(sameClause);
  }
  // …or else the first person named in the sentence ("Trump, commenting after the Geneva talks, said").
  const first = candidates.find((r) => isPerson(r, people));
  return first && asSpeaker(first);
}
