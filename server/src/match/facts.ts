// Matching a draft figure or date to the source claims about the same thing, by the words around them.
import type { DateClaim, FigureClaim, Span } from '../model/types';
import { firstNotBefore } from '../model/spans';
import { remembered } from '../model/boundedCache';
import type { Corpus, SourceDoc } from '../corpus/corpus';
import type { SentenceRef } from '../corpus/index';
import { quotesInSentence, type AnalyzedText, type Segmented } from '../extract/document';
import type { NameRun } from '../extract/names';
import { contentWords, contentWordsWithoutNames } from '../text/words';
import { coverage } from '../text/similarity';
import { dateEventOf, sameDateEvent, sourceDateOfEvent, sourceEventOf, type DateEvent } from './dateEvent';
import { AGE_UNIT, MONEY_UNITS } from '../extract/figures';
import { happeningWords } from '../extract/figureRole';
import { speechVerbFollows } from '../extract/quotes';
import { sameSpeaker } from './speakers';

export interface FactCandidate<C> {
  doc: number;
  /** The source's claims of the same kind in its best-matching sentence (usually one). */
  claims: C[];
  /** 0..1: how well the source sentence covers the draft sentence and the words right around the claim. */
  score: number;
}

/** Content words of the draft sentence within `reach` characters of the claim, the claim's own words left out. */
export function localWords(draft: Segmented, span: Span, reach = 60): string[] {
  const sentence = draft.sentences[sentenceOf(draft, span.start)];
  const from = Math.max(sentence.start, span.start - reach);
  const to = Math.min(sentence.end, span.end + reach);
  return contentWords(draft.text.slice(from, span.start) + ' ' + draft.text.slice(span.end, to));
}

/** The first sentence holding `offset` (0 if none), by binary search: sentences are in order and do not overlap. */
function sentenceOf(draft: Segmented, offset: number): number {
  const { sentences } = draft;
  const i = firstNotBefore(sentences, (s) => s.end < offset);
  return i < sentences.length && sentences[i].start <= offset ? i : 0;
}

/** How far before a claim the person reported as stating it may be named ("Major warned that … up to four months"). */
const REPORTED_REACH = 240;
/** How much a source quote's speaker being the person the draft reports adds to its sentence's likeness. */
const SAME_SPEAKER_WEIGHT = 0.1;

/** People the draft reports as stating the claim: named before it in its sentence, a speech verb straight after the name. */
function reportedSpeakers(draft: AnalyzedText, claim: FigureClaim | DateClaim): string[] {
  return (draft.names[claim.sentence] ?? [])
    .filter((r) => r.end <= claim.span.start && claim.span.start - r.end <= REPORTED_REACH && speechVerbFollows(draft.text.slice(r.end, r.end + 40)))
    .map((r) => r.name);
}

/**
 * A source claim inside a quotation, said by one of `speakers`: the draft reports that person's words, so the quote
 * states the fact the draft tells. A quote by anyone else, or with a speaker only inferred, says nothing of it.
 */
function quotedByOneOf(source: SourceDoc, claim: FigureClaim | DateClaim, speakers: readonly string[]): boolean {
  if (!speakers.length) return false;
  const { quotes } = source;
  const i = firstNotBefore(quotes, (q) => q.span.end <= claim.span.start);
  const quote = quotes[i];
  const speaker = quote && quote.span.start <= claim.span.start ? quote.speaker : undefined;
  return !!speaker?.person && !speaker.inferred && speakers.some((name) => sameSpeaker(name, speaker.name));
}


/**
 * Source claims of the same kind (as `sameKind` decides) in sentences like the draft's, best per source document,
 * scoring at least `minScore`, best first. `elsewhere`, when given, receives every source sentence read (any score).
 */
export function factCandidates<C extends FigureClaim | DateClaim>(
  claim: C,
  draft: AnalyzedText,
  corpus: Corpus,
  claimsIn: (source: SourceDoc, sentence: number) => readonly C[],
  sameKind: (source: C) => boolean,
  minScore = 0,
  elsewhere?: Array<FactCandidate<C>>,
): Array<FactCandidate<C>> {
  const { index } = corpus;
  // The claim's own words and any quotation say nothing about which fact this is: sources often quote apart.
  // A figure's counted noun does say which fact it is, by how rare it is ("personnel" more than "people"): kept.
  const counted = claim.kind === 'figure' ? contentWords(draft.text.slice(claim.valueSpan.end, claim.span.end)) : [];
  const own = new Set(contentWords(claim.text));
  for (const q of quotesInSentence(draft, claim.sentence)) for (const w of contentWords(q.words)) own.add(w);
  // A headline joins its stories with "as", "amid", a colon: only the claim's own part tells which fact it is.
  const headline = isHeadlineParagraph(draft, claim.sentence);
  const partWords = headline ? contentWords(headlinePartOf(draft, claim)) : undefined;
  const sentenceWords = (partWords ?? draft.sentenceWords[claim.sentence] ?? []).filter((w) => !own.has(w));
  const local = [...(partWords ?? localWords(draft, claim.span)).filter((w) => !own.has(w)), ...counted];
  if (!sentenceWords.length) return [];
  // "Three people were injured." says too little on its own: the sentence before names the place and the event, and
  // a source that does not share it is less likely to be about the same thing.
  const previousSentence = draft.sentences[claim.sentence - 1];
  const eventWords =
    sentenceWords.length < SHORT_SENTENCE_WORDS && previousSentence?.paragraph === draft.sentences[claim.sentence].paragraph
      ? draft.sentenceWords[claim.sentence - 1].filter((w) => !own.has(w))
      : [];
  // The draft's side of each comparison, computed once for all candidates.
  const shortSentence = eventWords.length > 0;
  const hug = hugWords(draft, claim.span);
  const sumWords = claim.kind === 'figure' && MONEY_UNITS.has(claim.unit) ? sumWordsOf(draft, claim) : undefined;
  const owner = ownerWords(draft, claim, index.commonWords);
  const draftEvent = eventOf(draft, claim, index.commonWords, shortSentence);
  const isAge = claim.kind === 'figure' && claim.unit === AGE_UNIT;
  // A date is compared only with a source date of its own clause's event.
  const dateEvent = claim.kind === 'date' ? dateEventOf(draft, claim, index.commonWords) : undefined;
  const found: Array<FactCandidate<C>> = [];
  const sentenceQuery = index.weigh(sentenceWords);
  // The claim's own clause, names kept ("carried out on [Sunday] night in Zaporizhzhia"): which source sentence it sits in.
  const hugQuery = index.weigh(hugWords(draft, claim.span, true, true));
  const localQuery = index.weigh(local);
  const eventQuery = index.weigh(eventWords);
  const actorClause = dateEvent ? actorClauseOf(draft, claim as DateClaim, dateEvent, index.commonWords) : undefined;
  const actorQuery = actorClause && index.weigh(actorClause.words);
  const action = claim.kind === 'figure' ? claim.action : undefined;
  const happening = action ? happeningKeys(action) : undefined;
  const unseen = Math.log(1 + Math.max(index.sentenceCount, 1));
  const reporters = reportedSpeakers(draft, claim);
  const told = (d: number, c: C) => !c.inQuote || quotedByOneOf(corpus.sources[d], c, reporters);
  const ownHappening = happening ? sentenceWords.filter((w) => happening.has(w) && index.idf(w) >= unseen) : [];
  const sentenceScoreOf = (sq: typeof sentenceQuery, lq: typeof localQuery, d: number, s: number) => Math.max(
    0.5 * index.coverage(sq, d, s) + 0.5 * index.coverage(lq, d, s),
    // The sentence before may name the place or the event ("…strikes in Zaporizhzhia. At least seven people…").
    NEIGHBOUR_WEIGHT * index.coverage(sq, d, s, true),
    // The sentence after may tell the rest of a draft sentence that joins two of the source's ("strikes on Tuesday
    // night in Zaporizhzhia, where seven were injured" for "…on Tuesday night in Zaporizhzhia. Seven were injured."),
    // when the words hugging the claim are this sentence's more than the next one's (else the claim is the next one's).
    index.coverage(hugQuery, d, s) >= index.coverage(hugQuery, d, s + 1) ? NEIGHBOUR_WEIGHT * index.coverage(sq, d, s + 1, true) : 0,
  );
  for (const { doc: d, sentence: s } of candidateSentences(corpus, [...local, ...sentenceWords], actorClause?.words)) {
    let sentenceScore = sentenceScoreOf(sentenceQuery, localQuery, d, s);
    // "were wounded" where no source says "wounded": the source's word for the happening ("suffered injuries") stands
    // for the draft's. A word the sources use themselves keeps its weight: it tells their sentences apart.
    const theirs = ownHappening.length ? sourceHappeningWord(happening!, index.sentenceSet(d, s)) : undefined;
    if (theirs) {
      const reworded = (words: string[]) => words.map((w) => (ownHappening.includes(w) ? theirs : w));
      sentenceScore = Math.max(sentenceScore, sentenceScoreOf(index.weigh(reworded(sentenceWords)), index.weigh(reworded(local)), d, s));
    }
    const likeSentence = shortSentence ? sentenceScore * (0.5 + 0.5 * index.coverage(eventQuery, d, s, true)) : sentenceScore;
    // Who did what before the date, however little else of a long draft sentence the source's has: it counts only for
    // a source date whose own clause has the same actor (below).
    const actorScore = actorQuery ? index.coverage(actorQuery, d, s) : 0;
    // Too unlike the draft to be kept, or to lend its claims to a better sentence of its source (below): the source's
    // claims are not even extracted.
    if (Math.max(likeSentence, actorScore) < minScore - NEARLY_AS_GOOD) continue;
    const doc = corpus.sources[d].segmented;
    const sameKindHere = claimsIn(corpus.sources[d], s).filter(
      (c) => told(d, c) && sameKind(c) && (!dateEvent || sourceDateOfEvent(dateEvent, doc, c as DateClaim, index.commonWords, index.idf)) &&
        (!isAge || holderMentioned(draftEvent.text, doc, c as FigureClaim, index.commonWords)),
    );
    // The same actor doing what the draft's actor did, however much more the draft's clause goes on to tell.
    const sameActor = actorClause && actorScore > likeSentence
      ? claimsIn(corpus.sources[d], s).filter((c) => told(d, c) && sameKind(c) && sameActorEvent(actorClause, doc, c as DateClaim, index.commonWords, index.idf))
      : [];
    // Words the draft reports its speaker saying, found in that speaker's own quote: the speaker is one more thing shared.
    const fromSpeaker = !sameActor.length && sameKindHere.some((c) => c.inQuote);
    const score = sameActor.length ? actorScore : fromSpeaker ? likeSentence + (1 - likeSentence) * SAME_SPEAKER_WEIGHT : likeSentence;
    if (score < minScore - NEARLY_AS_GOOD) continue;
    const claims = closestClaims(hug, doc, sameActor.length ? sameActor : sameKindHere, index.idf, shortSentence, owner, index.commonWords, sumWords, action);
    // A headline names what its words need, not who took part: the sources' names beside the fact prove nothing there.
    if (!claims.length || (!headline && differentEvent(draftEvent, doc, claims[0], index.commonWords))) continue;
    found.push({ doc: d, claims, score });
  }
  // Every source sentence read, however weakly like the draft's: one may state the draft's own value.
  elsewhere?.push(...found);
  // Per source, the best sentence, with the claims of any sentence nearly as good (the same fact told twice).
  const best = new Map<number, FactCandidate<C>>();
  for (const f of found.sort((a, b) => b.score - a.score)) {
    const top = best.get(f.doc);
    if (!top) best.set(f.doc, { ...f, claims: [...f.claims] });
    else if (f.score >= top.score - NEARLY_AS_GOOD) top.claims.push(...f.claims);
  }
  const kept = [...best.values()].filter((f) => f.score >= minScore);
  for (const f of kept) f.claims = closestClaims(hug, corpus.sources[f.doc].segmented, f.claims, index.idf, shortSentence, owner, index.commonWords, sumWords, action);
  return kept;
}

/** Source sentences to compare with a draft claim: those most like its sentence, and those most like its actor clause. */
function candidateSentences(corpus: Corpus, words: string[], actorWords: string[] | undefined): SentenceRef[] {
  const like = corpus.index.candidates(words, 40);
  if (!actorWords) return like;
  const seen = new Set(like.map((c) => `${c.doc}:${c.sentence}`));
  return [...like, ...corpus.index.candidates(actorWords, ACTOR_CANDIDATES).filter((c) => !seen.has(`${c.doc}:${c.sentence}`))];
}
const ACTOR_CANDIDATES = 10;

/** How far before a date its actor may be named. */
const ACTOR_REACH = 100;

/**
 * The actor a date's clause opens with, and the words from it to the date: who did what ("— Boris Johnson resigned as
 * leader of the Party on Wednesday"). None when the actor is not the clause's subject ("a judge sentenced Holmes to…":
 * words come before it), nor without a lower-case word between it and the date (what was done).
 */
function actorClauseOf(draft: Segmented, claim: DateClaim, event: DateEvent, common: ReadonlySet<string>): ActorClause | undefined {
  const sentence = draft.sentences[claim.sentence];
  const run = (draft.names[claim.sentence] ?? []).find((r) => r.end <= claim.span.start && claim.span.start - r.start <= ACTOR_REACH && event.actors.includes(nameKey(r)));
  if (!run || !isName(run, common)) return undefined;
  const opening = draft.text.slice(sentence.start, run.start).split(/[,;:—–(]/).pop() ?? '';
  if (contentWordsWithoutNames(opening).length) return undefined;
  const between = draft.text.slice(run.end, claim.span.start);
  if (/[,;:()"“”—–]/.test(between) || !contentWordsWithoutNames(between).length) return undefined;
  return { actor: nameKey(run), words: contentWords(draft.text.slice(run.start, claim.span.start)), event: { ...event, words: contentWordsWithoutNames(between) } };
}

type ActorClause = { actor: string; words: string[]; event: DateEvent };

/** A source date (not in its reference list) whose clause has the draft's actor and is its event by what was done. */
function sameActorEvent(clause: ActorClause, doc: Segmented, claim: DateClaim, common: ReadonlySet<string>, idf: (word: string) => number): boolean {
  if (doc.meta.referencesStart !== undefined && claim.span.start >= doc.meta.referencesStart) return false;
  const event = sourceEventOf(doc, claim, common);
  return event.actors.includes(clause.actor) && sameDateEvent(clause.event, event, idf);
}

/** Word keys of a happening's family, by family: draft and source may word one happening apart. */
const happeningKeysByFamily = new Map<string, ReadonlySet<string>>();
function happeningKeys(family: string): ReadonlySet<string> {
  let keys = happeningKeysByFamily.get(family);
  if (!keys) happeningKeysByFamily.set(family, (keys = new Set(happeningWords(family).flatMap((w) => contentWords(w)))));
  return keys;
}

/** The source sentence's word for the happening, if it has one. */
function sourceHappeningWord(happening: ReadonlySet<string>, sentence: ReadonlySet<string>): string | undefined {
  for (const w of happening) if (sentence.has(w)) return w;
  return undefined;
}

/** Context taken from the neighbouring sentence counts for less than the sentence's own. */
const NEIGHBOUR_WEIGHT = 0.8;
const NEARLY_AS_GOOD = 0.15;
/** A draft sentence with fewer content words than this (besides the claim) borrows the sentence before it. */
const SHORT_SENTENCE_WORDS = 4;

type Located = { span: Span; sentence: number };

/** Capitalised names within 60 characters of a claim, as six-letter keys; sentence-opening common words left out. */
function namesNear(doc: Segmented, { span: c, sentence }: Located, common: ReadonlySet<string>): string[] {
  return (doc.names[sentence] ?? []).filter((r) => isName(r, common) && Math.abs(r.start - c.start) <= 60 && (r.end <= c.start || r.start >= c.end)).map(nameKey);
}

const isName = (r: NameRun, common: ReadonlySet<string>) => !r.sentenceInitial || !common.has(r.surname.toLowerCase());
const nameKey = (r: NameRun) => r.surname.toLowerCase().slice(0, 6);

/** Most words a headline has. */
const HEADLINE_WORDS = 25;

/** A paragraph of one short sentence that does not end as a sentence does ("# Russia fires 22 missiles overnight"). */
function isHeadlineParagraph(doc: Segmented, sentence: number): boolean {
  const own = doc.sentences[sentence];
  // Sentences are in text order: the paragraph has others only if a neighbour shares it.
  if (!own || doc.sentences[sentence - 1]?.paragraph === own.paragraph || doc.sentences[sentence + 1]?.paragraph === own.paragraph) return false;
  return !/[.!?…:;]["”’)]*\s*$/.test(own.text) && (doc.sentenceWords[sentence]?.length ?? 0) <= HEADLINE_WORDS;
}

/** Where a headline joins two stories ("Russia fires 27 missiles as peace talks go on", "Kyiv: 22 missiles …"). */
const HEADLINE_JOIN = /\s+(?:as|amid|while|after|before|but)\s+|\s*[:;|—–]\s+/gi;

/** The part of a headline that holds the claim, between the joins around it. */
function headlinePartOf(doc: Segmented, claim: Located): string {
  const sentence = doc.sentences[claim.sentence];
  let start = sentence.start;
  let end = sentence.end;
  for (const join of sentence.text.matchAll(HEADLINE_JOIN)) {
    const at = sentence.start + join.index;
    if (at + join[0].length <= claim.span.start) start = at + join[0].length;
    else if (at >= claim.span.end) {
      end = at;
      break;
    }
  }
  return doc.text.slice(start, claim.span.start) + ' ' + doc.text.slice(claim.span.end, end);
}

/** A claim's sentence with its neighbours, lower case: where the other side's names are looked for. */
function textAround(doc: Segmented, sentence: number): string {
  return [sentence - 1, sentence, sentence + 1].map((i) => doc.sentences[i]?.text ?? '').join(' ').toLowerCase();
}

/** The draft claim's names and surrounding text; a short sentence takes its place and people from the sentence before. */
function eventOf(draft: AnalyzedText, claim: Located, common: ReadonlySet<string>, withSentenceBefore: boolean) {
  const before = withSentenceBefore ? (draft.names[claim.sentence - 1] ?? []).filter((r) => isName(r, common)).map(nameKey) : [];
  return { names: [...namesNear(draft, claim, common), ...before], text: textAround(draft, claim.sentence) };
}

/** A source claim's names nearby: source claims are long-lived and compared with many draft claims. */
const namesNearSource = new WeakMap<Located, string[]>();

/**
 * Each side names someone or somewhere right beside the fact that the other side never mentions ("talks in Istanbul"
 * against "talks in Alaska … between Trump and Putin"): two different events, however alike the rest.
 */
function differentEvent(draft: { names: string[]; text: string }, source: Segmented, sourceClaim: Located, common: ReadonlySet<string>): boolean {
  if (!draft.names.length) return false;
  let names = namesNearSource.get(sourceClaim);
  if (!names) namesNearSource.set(sourceClaim, (names = namesNear(source, sourceClaim, common)));
  if (!names.some((n) => !draft.text.includes(n))) return false;
  const sourceText = textAround(source, sourceClaim.sentence);
  return draft.names.some((n) => !sourceText.includes(n));
}

/** The person a source age belongs to, as a name key, or '' when none is named beside it. */
const ageHolderOfSource = new WeakMap<object, string>();

/**
 * Whether the draft names, around its age, the person a source age belongs to: "Dorian Vell, an unemployed
 * 38-year-old" is Vell's age, not that of "the 71-year-old" mayor of a draft that never names Vell. An age whose
 * holder the source does not name beside it is left to the other tests.
 */
function holderMentioned(draftText: string, doc: Segmented, age: FigureClaim, common: ReadonlySet<string>): boolean {
  const holder = remembered(ageHolderOfSource, age, () => ageHolder(doc, age, common));
  return !holder || draftText.includes(holder);
}

/** Between an age and a name right after it: "the 38-year-old Vell", "aged 38, Vell" is not read. */
const AGE_THEN_NAME = /^[\s\u00a0]*(?:-?years?[\s\u00a0-]+old[\s\u00a0]+)?$/i;

/** A source age's holder: named right after it ("the 38-year-old Vell"), else last before it in its clause ("Vell, 38", "Dorian Vell, an unemployed 38-year-old"). */
function ageHolder(doc: Segmented, { span, sentence }: Located, common: ReadonlySet<string>): string {
  const runs = (doc.names[sentence] ?? []).filter((r) => isName(r, common));
  const after = runs.find((r) => r.start >= span.end && r.start - span.end <= 14 && AGE_THEN_NAME.test(doc.text.slice(span.end, r.start)));
  if (after) return nameKey(after);
  let before: NameRun | undefined;
  for (const r of runs) {
    if (r.end > span.start) break;
    if (span.start - r.end <= OWNER_REACH && !/[;:()]/.test(doc.text.slice(r.end, span.start))) before = r;
  }
  return before ? nameKey(before) : '';
}

/** Lower-case words hugging a claim (what was counted, what happened): they tell apart two figures in one sentence. */
function hugWords(doc: Segmented, span: Span, clauseAfter = false, keepNames = false): string[] {
  const sentence = doc.sentences[sentenceOf(doc, span.start)];
  if (!sentence || sentence.start > span.start || span.start > sentence.end) return [];
  // Only the claim's own clause: "…were injured, and up to 40,000" must not borrow "injured".
  const before = doc.text.slice(Math.max(sentence.start, span.start - 25), span.start).split(/[,;:]|\band\b|\bwhile\b/).pop() ?? '';
  const following = doc.text.slice(span.end, Math.min(sentence.end, span.end + 40));
  const after = clauseAfter ? following.split(CLAUSE_BREAK_AFTER)[0] : following;
  const words = before + ' ' + after;
  return keepNames ? contentWords(words) : contentWordsWithoutNames(words);
}

/** Where the clause after a claim ends. */
const CLAUSE_BREAK_AFTER = /[,;:—–(]|\band\b/;

/** A sum's words within its clause, and of them those after it: what the money is ("in restitution", "in cash"). */
function sumWordsOf(doc: Segmented, claim: FigureClaim): SumWords {
  // From the number on: "$21 billion equity" is equity.
  const from = claim.valueSpan.end;
  const sentence = doc.sentences[sentenceOf(doc, claim.span.start)];
  const following = doc.text.slice(from, Math.min(sentence?.end ?? from, from + 40));
  return { clause: hugWords(doc, claim.span, true, true), after: contentWordsWithoutNames(following.split(CLAUSE_BREAK_AFTER)[0]) };
}
/** `clause`: the sum's clause words, names kept ("Data center revenue" is not "Gaming revenue"); `after`: those after it. */
type SumWords = { clause: string[]; after: string[] };

// What is read around a source claim is kept per claim (remembered): source claims are long-lived and compared with
// many draft claims.

/** A source sum's words. */
const sumWordsOfSource = new WeakMap<object, SumWords>();
const sourceSumWords = (doc: Segmented, claim: FigureClaim): SumWords => remembered(sumWordsOfSource, claim, () => sumWordsOf(doc, claim));

/**
 * A sum of money says nothing of what it pays for: two sums are one quantity only when what follows the draft's ("in
 * cash", "in restitution") follows the source's too, or, with nothing after either, when their clauses have the same
 * words ("valued at $58 billion", "valued at about $40 billion"): "Quarterly revenue of $7.19 billion" is not "Data
 * center revenue was a record $4.28 billion".
 */
function sameSum(draft: SumWords, source: SumWords): boolean {
  return sumAffinity(draft, source) > 0;
}

/** How many of the words after the draft's sum the source's has (or, with none after either, its clause's if the same). */
function sumAffinity(draft: SumWords, source: SumWords): number {
  if (draft.after.length) return draft.after.filter((w) => source.after.includes(w)).length;
  const sameClause = !source.after.length && draft.clause.length > 0 && draft.clause.every((w) => source.clause.includes(w)) && source.clause.every((w) => draft.clause.includes(w));
  return sameClause ? draft.clause.length : 0;
}

/** A stable sort by a numeric key. */
const sortedBy = <T>(items: T[], key: (item: T) => number): T[] => items.map((item, i) => ({ item, i, k: key(item) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.item);

/** A source claim's hug words, as a set. */
const hugWordsOfSource = new WeakMap<object, Set<string>>();
const sourceHugWords = (doc: Segmented, claim: Located): Set<string> => remembered(hugWordsOfSource, claim, () => new Set(hugWords(doc, claim.span)));

/** Characters between a figure and the name it belongs to. */
const OWNER_REACH = 40;

/**
 * The name a claim belongs to, as its capitalised, not common words: "49.1% for Voss" (named right after), else the
 * nearest name before it in its clause ("Voss had 47%", "and Voss 47%", "the Moor Party fell to 121 seats").
 */
function ownerWords(doc: Segmented, { span, sentence }: Located, common: ReadonlySet<string>): string[] {
  const runs = doc.names[sentence] ?? [];
  const forName = /^[^\s]*\s+(?:for|to)\s+$/i;
  let owner = runs.find((r) => r.start >= span.end && r.start - span.end <= 12 && forName.test(doc.text.slice(span.end, r.start)));
  if (!owner) {
    for (const r of runs) {
      if (r.end > span.start) break;
      if (span.start - r.end <= OWNER_REACH && !/[,;:()]/.test(doc.text.slice(r.end, span.start))) owner = r;
    }
  }
  return owner ? owner.words.filter((w) => /^\p{Lu}/u.test(w.text)).map((w) => w.text.toLowerCase()).filter((w) => !common.has(w)) : [];
}

/** A source claim's owner words. */
const ownerOfSource = new WeakMap<object, string[]>();

/**
 * Of several claims in one source sentence, those whose surrounding words best match the draft claim's; first those
 * that belong to the same name as the draft's ("the Moor Party won 121 seats" is paired with the Moor Party's count,
 * not with another party's in the same sentence).
 */
function closestClaims<C extends FigureClaim | DateClaim>(
  hug: string[], doc: Segmented, allClaims: C[], idf: (w: string) => number, shortSentence: boolean, owner: readonly string[] = [], common: ReadonlySet<string> = new Set(), sumWords?: SumWords,
  action?: string,
): C[] {
  let claims = sumWords ? allClaims.filter((c) => sameSum(sumWords, sourceSumWords(doc, c as FigureClaim))) : allClaims;
  if (owner.length && claims.length > 1) {
    const shared = claims.map((c) => remembered(ownerOfSource, c, () => ownerWords(doc, c, common)).filter((w) => owner.includes(w)).length);
    const most = Math.max(...shared);
    if (most > 0) claims = claims.filter((_, i) => shared[i] === most);
  }
  // Sums already share what they are for: any of them may be the draft's ("$21 billion equity" beside "$25.5 billion
  // of committed debt"), the closest first.
  if (sumWords) return sortedBy(claims, (c) => -sumAffinity(sumWords, sourceSumWords(doc, c as FigureClaim)));
  if (!claims.length || (claims.length === 1 && !shortSentence)) return claims;
  const scored = claims.map((c) => {
    const theirs = sourceHugWords(doc, c);
    return { c, theirs, score: coverage(hug, theirs, idf) };
  });
  // In a short draft sentence the words hugging the claim are most of its context: if both sides say what happened
  // to the counted thing and share none of it ("were injured" against "have fled their homes"), it is another fact.
  // The same happening worded apart ("were wounded", "suffered injuries") is related.
  const unrelated = (x: { c: C; theirs: ReadonlySet<string>; score: number }) =>
    shortSentence && hug.length > 0 && x.theirs.size > 0 && x.score === 0 && !(action && (x.c as FigureClaim).action === action);
  if (claims.length === 1) return unrelated(scored[0]) ? [] : claims;
  const top = Math.max(...scored.map((s) => s.score));
  return scored.filter((s) => s.score >= top - 0.1).sort((a, b) => b.score - a.score).map((s) => s.c);
}
