import { distance } from 'fastest-levenshtein';
import type { AcceptedSpelling, Rule, RawFinding, CheckContext, PassageRef } from './types';
import { isHeadline, type Corpus } from '../corpus/corpus';
import type { NameRun } from '../extract/names';
import { BoundedCache } from '../model/boundedCache';
import { matchKey } from '../text/words';
import { areDistinctGivenNames, areGenderedForms, areGivenNameForms, otherGivenNameForms, transliterationSkeleton } from '../extract/nameForms';
import { isCommonEnglish } from '../text/commonWords';

export const nameMisspelled: Rule = {
  id: 'name/misspelled',
  description:
    'A name that is one or two letters away from a name the sources spell consistently, and that the sources never use: ' +
    '“Umarov” for Umerov. The fix is the corpus spelling. Another romanisation of the same name (Zelenskyy for Zelensky) ' +
    'or another language’s form of a first name (Vladimir for Volodymyr) is a house style: one information note per ' +
    'person per document. A near name of a different person (another first name) is not a misspelling.',
  defaultSeverity: 'warning',
  check(ctx) {
    const out: RawFinding[] = [];
    // A title quoted in running text ("in a story titled “Meta Lays Off 11,000”") capitalises every word, as a
    // headline does: its capitals say nothing of names.
    const quotedTitles = ctx.draft.quotes.filter((q) => isHeadline(q.words.replace(/[\s.!?,;:]+$/, ''))).map((q) => q.span);
    ctx.draft.names.forEach((runs, s) => {
      if (isHeadline(ctx.draft.sentences[s].text)) return;
      for (const run of runs) {
        if (quotedTitles.some((t) => t.start <= run.start && run.end <= t.end)) continue;
        out.push(...checkRun(run, ctx));
      }
    });
    return out;
  },
};

type Word = NameRun['words'][number];
/** Where a word stands in its name: the first, middle or last word of a two- or three-word name, or on its own. */
type Role = 'given' | 'middle' | 'surname' | 'alone';

/** What the sources write instead of one draft word. */
interface Difference {
  word: Word;
  /** The sources' spelling and how often they use it. */
  spelling: string;
  count: number;
  /** typo: a letter off; variant: another romanisation; form: the first name in another language. */
  kind: 'typo' | 'variant' | 'form';
  /** The sources' full name, for a first name's form. */
  evidence?: PassageRef[];
  /** The house spelling the sources' form belongs to, when the project accepts one. */
  house?: AcceptedSpelling;
}

const NO_ACCEPTED = { key: '', byWord: new Map<string, AcceptedSpelling>() };

/**
 * Accepted spellings by lower-case word. A multi-word entry pairs its words by position with variants of the same
 * length ("Volodymyr Zelenskyy": ["Volodymyr Zelensky"]), so each word of a name is looked up on its own.
 */
export function acceptedSpellingsOf(accepted: Record<string, string[]> | undefined): { key: string; byWord: ReadonlyMap<string, AcceptedSpelling> } {
  if (!accepted || Object.keys(accepted).length === 0) return NO_ACCEPTED;
  const byWord = new Map<string, AcceptedSpelling>();
  for (const [house, variants] of Object.entries(accepted)) {
    const houseWords = house.trim().split(/\s+/);
    const variantWords = variants.map((v) => v.trim().split(/\s+/)).filter((w) => w.length === houseWords.length);
    houseWords.forEach((word, i) => {
      const others = [...new Set(variantWords.map((w) => w[i]).filter((w) => w.toLowerCase() !== word.toLowerCase()))];
      if (!others.length) return;
      const entry: AcceptedSpelling = { house: word, variants: others, all: new Set([word, ...others].map((w) => w.toLowerCase())) };
      for (const w of entry.all) if (!byWord.has(w)) byWord.set(w, entry);
    });
  }
  return { key: JSON.stringify(accepted), byWord };
}

/** What the message adds when the sources' form is one of the project's accepted spellings. */
function houseStyleNote(house: AcceptedSpelling | undefined): string {
  return house ? ` House style: “${house.house}” (also accepted: ${house.variants.map((v) => `“${v}”`).join(', ')}).` : '';
}

function checkRun(run: NameRun, ctx: CheckContext): RawFinding[] {
  const words = run.words.map((word) => ({ word, lower: word.text.toLowerCase().replace(/[’']s?$/, '') }));
  // "Back in January…", "Low-income families…": a common word capitalised because it opens the sentence.
  if (run.sentenceInitial && words.length === 1 && isCommonEnglish(words[0].lower)) return [];
  const person = words.length >= 2 && words.length <= 3;
  const first = words[0].lower;
  const last = words[words.length - 1].lower;
  const out: RawFinding[] = [];
  const styles: Difference[] = [];
  words.forEach(({ word, lower }, i) => {
    const role: Role = !person ? 'alone' : i === words.length - 1 ? 'surname' : i === 0 ? 'given' : 'middle';
    const difference = differenceOf(word, lower, role, role === 'surname' ? first : last, ctx.corpus);
    if (!difference) return;
    // The draft's form and the sources' are both accepted spellings of one name: the project chose this.
    const house = ctx.accepted?.get(difference.spelling.toLowerCase());
    if (house?.all.has(lower)) return;
    difference.house = house;
    if (difference.kind === 'typo') out.push(typoFinding(difference, lower, ctx));
    else styles.push(difference);
  });
  if (styles.length) out.push(styleNote(styles, person ? last : undefined, ctx));
  return out;
}

/** A letter dropped, doubled or changed: a warning on each use, since each is a wrong spelling to fix. */
function typoFinding(d: Difference, lower: string, ctx: CheckContext): RawFinding {
  return {
    rule: 'name/misspelled',
    start: d.word.start,
    end: d.word.start + lower.length,
    message: `“${d.word.text}” is not in the sources; they spell it “${d.spelling}” (${d.count} mentions).${houseStyleNote(d.house)}`,
    suggestions: d.house && d.house.house !== d.spelling ? [d.house.house, d.spelling] : [d.spelling],
    evidence: refsOf(d.spelling, ctx),
  };
}

/**
 * Another romanisation or another language's form of one person's name: a house style, so an information note,
 * once per person per document, covering every word of the name that differs.
 */
function styleNote(styles: Difference[], draftSurname: string | undefined, ctx: CheckContext): RawFinding {
  const start = styles[0].word.start;
  const end = styles[styles.length - 1].word.end;
  const original = ctx.draft.text.slice(start, end);
  let suggestion = '';
  let at = start;
  for (const d of styles) {
    suggestion += ctx.draft.text.slice(at, d.word.start) + d.spelling;
    at = d.word.end;
  }
  const surname = styles.find((d) => d.word.text.toLowerCase() === draftSurname)?.spelling ?? draftSurname ?? styles[0].spelling;
  const reasons = [];
  const form = styles.find((d) => d.kind === 'form');
  if (form) reasons.push(`“${form.word.text}” is another language’s form of “${form.spelling}”`);
  const variants = styles.filter((d) => d.kind === 'variant');
  if (variants.length) reasons.push(variants.every((d) => withoutAccents(d.word.text) === withoutAccents(d.spelling)) ? 'the same name with other accents' : 'another romanisation of the same name');
  const count = styles[styles.length - 1].count;
  return {
    rule: 'name/misspelled',
    start,
    end,
    message:
      `The sources write “${suggestion}” (${count} mentions), not “${original}”: ${reasons.join('; ')}. A house style, not a misspelling.` +
      houseStyleNote(styles.find((d) => d.house)?.house),
    suggestions: [suggestion],
    evidence: styles.flatMap((d) => d.evidence ?? refsOf(d.spelling, ctx)),
    severity: 'information',
    once: transliterationSkeleton(surname),
  };
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Places the index recorded; a source that changed since it loaded may no longer have the name there. */
function refsOf(spelling: string, ctx: CheckContext): PassageRef[] {
  const lower = spelling.toLowerCase();
  return (ctx.corpus.index.nameRefs.get(lower) ?? [])
    .filter((r) => ctx.corpus.sources[r.doc]?.text.slice(r.start, r.end).toLowerCase() === lower)
    .slice(0, 5)
    .map((r) => ctx.evidence(r.doc, r.start, r.end));
}

/** What the sources write for this word of this person's name, if they write it differently. */
function differenceOf(word: Word, lower: string, role: Role, other: string, corpus: Corpus): Difference | undefined {
  if (/\d/.test(lower)) return undefined;
  if (role === 'given') {
    const form = givenNameForm(word, lower, other, corpus);
    if (form) return form;
  }
  const { index } = corpus;
  // "We’ve" and "We've" are one word whichever apostrophe the keyboard typed.
  const apostropheForms = [lower, lower.replace(/’/g, "'"), lower.replace(/'/g, '’')];
  if (lower.length < 4 || apostropheForms.some((w) => index.vocabulary.has(w) || index.names.has(w))) return undefined;
  // "Pakistans south": a name the sources use, with its possessive's apostrophe left out.
  if (lower.endsWith('s') && index.names.has(lower.slice(0, -1))) return undefined;
  // "Trump-Zelenskyy" where the sources write Trump and Zelenskyy (and "Trump-Zelensky"): their own spellings, joined.
  const parts = lower.split(/[-‐‑]/);
  if (parts.length > 1 && parts.every((p) => p && (index.vocabulary.has(p) || index.names.has(p)))) return undefined;
  const variant = skeletonsOf(corpus).get(transliterationSkeleton(lower));
  const near = variant ?? closestName(lower, index.names, index.commonWords);
  if (!near) return undefined;
  // "TSLA" beside the sources' Tesla is a ticker or acronym: capitals are chosen, not a slip of the keys.
  if (isAllCapitals(word.text) !== isAllCapitals(near.spelling)) return undefined;
  // "BofE" beside the sources' BoE: one abbreviation's initials, with "of" written out or not, is a house style.
  if (sameAbbreviation(word.text, near.spelling)) return undefined;
  const theirs = near.spelling.toLowerCase();
  // Ivan and Ivana, Petrov and Petrova, Maria and Marta: two people's names, not one misspelt.
  if (areGenderedForms(lower, theirs) || areDistinctGivenNames(lower, theirs)) return undefined;
  // A middle name near another person's first name ("Salvador Rolando Ramos", "Roland Gutierrez") is that name's
  // own word: compared like a first name, with the draft's surname.
  if (role !== 'alone' && !samePerson(role === 'middle' ? 'given' : role, theirs, other, corpus)) return undefined;
  // "regular Joes" beside the sources' "Steve Jobs Theater": a word they use only inside a longer name is that name's.
  if (role === 'alone' && onlyInsideLongerNames(theirs, corpus)) return undefined;
  return { word, spelling: near.spelling, count: near.count, kind: variant ? 'variant' : 'typo' };
}

/**
 * Whether every place the sources use this name has a capitalised word straight before and after it. The index keeps
 * a few places per name: a name used more often than that is taken to stand alone somewhere.
 */
function onlyInsideLongerNames(lower: string, corpus: Corpus): boolean {
  const refs = corpus.index.nameRefs.get(lower) ?? [];
  const uses = [...(corpus.index.names.get(lower)?.values() ?? [])].reduce((a, b) => a + b, 0);
  return refs.length > 0 && uses === refs.length && refs.every((r) => {
    const text = corpus.sources[r.doc]?.text;
    if (!text) return false;
    return /\p{Lu}[\p{L}.’'-]*[ \u00a0]$/u.test(text.slice(Math.max(0, r.start - 40), r.start)) && /^[ \u00a0]\p{Lu}/u.test(text.slice(r.end, r.end + 2));
  });
}

function isAllCapitals(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}’'.\-]+$/u.test(word);
}

/**
 * Two spellings of one abbreviation: the same capitals in the same order, and at least one of them mostly capitals
 * (BoE, BofE). A name with a capital inside (McDonnell) has too few capitals to count, so its typos still show.
 */
function sameAbbreviation(a: string, b: string): boolean {
  const capitalsOf = (w: string) => w.replace(/[^\p{Lu}]/gu, '');
  const isAbbreviation = (w: string) => {
    const capitals = capitalsOf(w).length;
    return capitals >= 2 && capitals * 2 >= w.replace(/[^\p{L}]/gu, '').length;
  };
  return capitalsOf(a) === capitalsOf(b) && (isAbbreviation(a) || isAbbreviation(b));
}

/**
 * A first name the table knows, next to a surname: the sources' form if they name this person only with another
 * language's form of it. Nothing if they also use this form (or another romanisation of it, which the variant check
 * reports) or name no such person: a different Volodymyr is not Vladimir Zelensky.
 */
function givenNameForm(word: Word, lower: string, surname: string, corpus: Corpus): Difference | undefined {
  const forms = otherGivenNameForms(lower);
  if (!forms.length) return undefined;
  const known = forms.filter((f) => corpus.index.vocabulary.has(f) || skeletonsOf(corpus).has(transliterationSkeleton(f)));
  if (!known.length) return undefined;
  const runs = fullNames(corpus, [surname, ...known]).filter((r) => surnamesRelated(surname, r.surname));
  if (runs.some((r) => transliterationSkeleton(r.given) === transliterationSkeleton(lower))) return undefined;
  const theirs = runs.filter((r) => areGivenNameForms(lower, r.given));
  if (!theirs.length) return undefined;
  const spelling = theirs[0].givenSpelling;
  const count = corpus.index.names.get(spelling.toLowerCase())?.get(spelling) ?? theirs.length;
  return { word, spelling, count, kind: 'form', evidence: theirs.slice(0, 5).map((r) => ({ doc: r.doc, start: r.start, end: r.end })) };
}

/**
 * Whether the sources' near name belongs to the draft's person. A surname counts only where the sources give it
 * with a related first name (or never with a first name at all, when they know the draft's first name as a word); a
 * first name, only with a related surname (likewise).
 */
function samePerson(role: 'given' | 'surname', theirs: string, other: string, corpus: Corpus): boolean {
  const runs = fullNames(corpus, [theirs, other]).filter((r) => (role === 'surname' ? r.surname : r.given) === theirs);
  // "The Washington Post" beside the sources' "Port of Baltimore": a name whose other word they never use is not theirs.
  if (!runs.length) return corpus.index.vocabulary.has(other) || corpus.index.names.has(other);
  return runs.some((r) => (role === 'surname' ? givenNamesRelated(other, r.given) : surnamesRelated(other, r.surname)));
}

/** Two first names that may be one person's: the same, romanised otherwise, another language's form, or a typo. */
function givenNamesRelated(a: string, b: string): boolean {
  if (a === b || transliterationSkeleton(a) === transliterationSkeleton(b) || areGivenNameForms(a, b)) return true;
  if (areGenderedForms(a, b) || areDistinctGivenNames(a, b)) return false;
  return distance(a, b) <= typoLimit(a);
}

function surnamesRelated(a: string, b: string): boolean {
  if (a === b || transliterationSkeleton(a) === transliterationSkeleton(b)) return true;
  return !areGenderedForms(a, b) && distance(a, b) <= typoLimit(a);
}

function typoLimit(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/** A two- or three-word name in a source: first name and surname in lower case, and where it is. */
interface FullName extends PassageRef { given: string; givenSpelling: string; surname: string }

/** Sentences searched for a person's full names: the best few by the words asked for. Bounded per lookup. */
const FULL_NAME_SENTENCES = 16;
const fullNameCaches = new WeakMap<Corpus, BoundedCache<string, FullName[]>>();

/** Full names in the sources' sentences that best match `words` (lower case), remembered per corpus. */
function fullNames(corpus: Corpus, words: string[]): FullName[] {
  let cache = fullNameCaches.get(corpus);
  if (!cache) {
    cache = new BoundedCache(2_000, (key: string) => {
      const out: FullName[] = [];
      for (const { doc, sentence } of corpus.index.candidates(key.split(' ').map(matchKey), FULL_NAME_SENTENCES)) {
        for (const run of corpus.sources[doc]?.segmented.names[sentence] ?? []) {
          if (run.words.length < 2 || run.words.length > 3 || isHeadline(corpus.sources[doc].segmented.sentences[sentence].text)) continue;
          const given = run.words[0];
          out.push({ doc, start: given.start, end: run.end, given: given.text.toLowerCase(), givenSpelling: given.text, surname: run.surname.toLowerCase() });
        }
      }
      return out;
    });
    fullNameCaches.set(corpus, cache);
  }
  return cache.get(words.join(' '));
}

/** Per corpus name list: its capitalised names by transliteration skeleton, the most used spelling of each. */
const skeletonCaches = new WeakMap<Map<string, Map<string, number>>, Map<string, { spelling: string; count: number }>>();

function skeletonsOf(corpus: Corpus): Map<string, { spelling: string; count: number }> {
  const { names, commonWords } = corpus.index;
  let skeletons = skeletonCaches.get(names);
  if (!skeletons) {
    skeletons = new Map();
    for (const [lower, spellings] of names) {
      if (lower.length < 4 || commonWords.has(lower)) continue;
      const [spelling, count] = [...spellings].sort((a, b) => b[1] - a[1])[0];
      if (!/^\p{Lu}/u.test(spelling)) continue;
      const key = transliterationSkeleton(lower);
      const seen = skeletons.get(key);
      if (!seen || count > seen.count) skeletons.set(key, { spelling, count });
    }
    skeletonCaches.set(names, skeletons);
  }
  return skeletons;
}

const DERIVING_ENDINGS = new Set(['n', 'an', 'ian', 'ns', 's', 'es', 'i', 'ese', 'ish', 'ic', 'er', 'ers']);

/** `longer` is `shorter` plus an ending that makes a related word (Russia → Russian, Kyiv → Kyivan). */
function isDerivedForm(shorter: string, longer: string): boolean {
  return longer.startsWith(shorter) && DERIVING_ENDINGS.has(longer.slice(shorter.length));
}

/**
 * Germany and German, Argentina and Argentine or Argentinian: a place and its people's word share a stem (the place
 * without its last vowel or "y") and differ only in that letter, where the stem ends in "n", or in a people's ending.
 * A dropped last letter elsewhere ("Kenned") is still a typo.
 */
function arePlaceAndPeopleForms(a: string, b: string): boolean {
  const stem = (w: string) => w.replace(/[aeiouy]$/, '');
  if (a === b) return false;
  if (stem(a) === stem(b)) return stem(a).endsWith('n') && stem(a).length >= 4;
  const [place, people] = a.length < b.length ? [a, b] : [b, a];
  const root = stem(place);
  return root !== place && root.length >= 4 && people.startsWith(root) && DERIVING_ENDINGS.has(people.slice(root.length));
}

/** The corpus name within one letter (two for long names) of `word`, same first letter, not a mere ending change. */
export function closestName(word: string, names: Map<string, Map<string, number>>, common: ReadonlySet<string>) {
  const limit = typoLimit(word);
  let best: { spelling: string; count: number; distance: number } | undefined;
  for (const [lower, spellings] of names) {
    if (lower[0] !== word[0] || Math.abs(lower.length - word.length) > limit || common.has(lower)) continue;
    // "Russian" and "Russia" are different words, not a misspelling; "Driscol" for "Driscoll" is one.
    if (isDerivedForm(word, lower) || isDerivedForm(lower, word) || arePlaceAndPeopleForms(word, lower)) continue;
    const d = distance(word, lower);
    if (d === 0 || d > limit) continue;
    const [spelling, count] = [...spellings].sort((a, b) => b[1] - a[1])[0];
    if (!/^\p{Lu}/u.test(spelling)) continue;
    if (!best || d < best.distance || (d === best.distance && count > best.count)) best = { spelling, count, distance: d };
  }
  return best;
}
