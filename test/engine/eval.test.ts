// The engine against the eval drafts (copies of ../shared/eval in test/fixtures/eval), scored as ../shared/eval/score.mjs
// scores them: a key item is found when a finding of its category overlaps one of its spans with a fitting severity;
// every strong finding (warning or error) must overlap an expected or allowed span.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkText, describeClaimAt, lineStartsOf, loadCorpus, offsetAt, type Corpus, type Finding } from '../../server/src/engine';
import { assertEvidence, findingsOf, ROOT, SEEDS, seedSentences } from './helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'eval');

interface KeyItem { id: string; category: string; spans: string[]; level: 'conflict' | 'notice' | 'info'; suggest?: string }
interface Key { draft: string; sources: string[]; expect: KeyItem[]; allowed?: Array<{ id: string; spans: string[] }> }

const STRONG = new Set(['error', 'warning']);
const category = (rule: string) => rule.split('/')[0];

function offsetsOf(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

interface Tally { expConflict: number; hitConflict: number; expNotice: number; hitNotice: number; strong: number; justified: number; sugExp: number; sugHit: number }
interface DraftScore { name: string; tally: Tally; missed: string[]; unjustified: string[]; wrongSuggestion: string[] }

/** score.mjs's matching, over findings computed in-process. */
function score(key: Key, text: string, findings: Finding[]): DraftScore {
  const tally: Tally = { expConflict: 0, hitConflict: 0, expNotice: 0, hitNotice: 0, strong: 0, justified: 0, sugExp: 0, sugHit: 0 };
  const missed: string[] = [];
  const unjustified: string[] = [];
  const wrongSuggestion: string[] = [];
  const starts = lineStartsOf(text);
  const spansOf = (spans: string[]) =>
    spans.flatMap((s) => {
      const found = offsetsOf(text, s);
      assert.ok(found.length, `key error: span not in draft: ${JSON.stringify(s)}`);
      return found;
    });
  const fr = findings.map((f) => ({ f, a: offsetAt(starts, f.range.start), b: offsetAt(starts, f.range.end) }));
  type Located = (typeof fr)[number];
  const overlaps = (x: Located, [s, e]: [number, number]) => (x.a < e && s < x.b) || (x.a === x.b && x.a >= s && x.a <= e);
  const used = new Set<Located>();
  for (const item of key.expect) {
    const spans = spansOf(item.spans);
    const strongNeeded = item.level === 'conflict';
    const severityFits = (sev: string) => (strongNeeded ? STRONG.has(sev) : item.level === 'info' ? !STRONG.has(sev) : true);
    const hits = fr.filter((x) => category(x.f.rule) === item.category && spans.some((sp) => overlaps(x, sp)) && severityFits(x.f.severity));
    hits.forEach((h) => used.add(h));
    if (strongNeeded) {
      tally.expConflict++;
      if (hits.length) tally.hitConflict++;
    } else {
      tally.expNotice++;
      if (hits.length) tally.hitNotice++;
    }
    if (!hits.length) missed.push(item.id);
    if (item.suggest) {
      tally.sugExp++;
      const ok = hits.some((h) => h.f.suggestions.some((s) => s.toLowerCase().includes(item.suggest!.toLowerCase())));
      if (ok) tally.sugHit++;
      else wrongSuggestion.push(item.id);
    }
  }
  const anySeverity = spansOf([...key.expect.filter((it) => it.level !== 'info'), ...(key.allowed ?? [])].flatMap((it) => it.spans));
  const softOnly = spansOf(key.expect.filter((it) => it.level === 'info').flatMap((it) => it.spans));
  for (const x of fr) {
    const strong = STRONG.has(x.f.severity);
    const justified = used.has(x) || anySeverity.some((sp) => overlaps(x, sp)) || (!strong && softOnly.some((sp) => overlaps(x, sp)));
    if (strong) {
      tally.strong++;
      if (justified) tally.justified++;
      else unjustified.push(`${x.f.rule} ${JSON.stringify(text.slice(x.a, x.b))}: ${x.f.message}`);
    }
  }
  return { name: key.draft, tally, missed, unjustified, wrongSuggestion };
}

const keys = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
const scores: DraftScore[] = [];
const corpora = new Map<string, Corpus>();

before(async () => {
  for (const file of keys) {
    const key = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Key;
    const sources = key.sources.map((s) => resolve(FIXTURES, s));
    const id = sources.join('\n');
    if (!corpora.has(id)) corpora.set(id, await loadCorpus(sources));
    const corpus = corpora.get(id)!;
    const draftPath = resolve(dirname(join(FIXTURES, file)), key.draft);
    const text = readFileSync(draftPath, 'utf8');
    scores.push(score(key, text, checkText(corpus, text)));
  }
});

describe('eval drafts', () => {
  it('has the three dev drafts and their seeds corpus', () => {
    assert.deepEqual(keys, ['dev-01.json', 'dev-02.json', 'dev-03.json']);
    assert.equal(corpora.size, 1);
    const [corpus] = corpora.values();
    assert.equal(corpus.sources.length, 5, 'the five seeds');
    assert.deepEqual(corpus.problems, []);
  });

  it('recall >= 0.85 over all drafts', () => {
    const t = total();
    const recall = (t.hitConflict + t.hitNotice) / (t.expConflict + t.expNotice);
    assert.ok(recall >= 0.85, `recall ${recall.toFixed(2)}; missed: ${scores.flatMap((s) => s.missed.map((m) => `${s.name}:${m}`)).join(', ')}`);
  });

  it('precision == 1: every warning is justified by the keys', () => {
    const t = total();
    assert.ok(t.strong > 0, 'some strong findings');
    assert.equal(t.justified, t.strong, `unjustified: ${scores.flatMap((s) => s.unjustified).join('\n')}`);
  });

  it('suggestions >= 0.80', () => {
    const t = total();
    const rate = t.sugHit / t.sugExp;
    assert.ok(rate >= 0.8, `suggestions ${rate.toFixed(2)}; wrong or missing: ${scores.flatMap((s) => s.wrongSuggestion.map((m) => `${s.name}:${m}`)).join(', ')}`);
  });

  it('every info-level key item (a reporter\'s own quotes) is found as a notice, never a warning', () => {
    for (const s of scores) assert.equal(s.tally.hitNotice, s.tally.expNotice, `${s.name}: notices missed: ${s.missed.join(', ')}`);
  });

  it('a CRLF copy of each draft gets the same findings at the same LSP positions', () => {
    const [corpus] = corpora.values();
    for (const name of ['dev-01.md', 'dev-02.md', 'dev-03.md']) {
      const lf = readFileSync(join(FIXTURES, name), 'utf8');
      const summary = (text: string) => checkText(corpus, text).map((f) => ({ rule: f.rule, range: f.range, suggestions: f.suggestions }));
      const expected = summary(lf);
      assert.ok(expected.length > 0);
      assert.deepEqual(summary(lf.replace(/\n/g, '\r\n')), expected, name);
    }
  });

  for (const name of ['dev-01.md', 'dev-02.md', 'dev-03.md']) {
    it(`${name}: no unjustified warnings`, () => {
      const s = scores.find((x) => x.name === name);
      assert.ok(s, name);
      assert.deepEqual(s.unjustified, []);
    });
  }
});

describe('the engine over the seeds: properties', () => {
  let seeds: Corpus;
  let sentences: string[];
  before(async () => {
    seeds = await loadCorpus([SEEDS]);
    sentences = seedSentences();
  });

  it('a draft made of whole source sentences raises no warning', () => {
    // Whole sentences only: balanced quote marks and a closing full stop, so that joining them makes no new claim;
    // no header lines, so the draft has no date of its own (a dated draft resolves the sources' weekdays differently).
    const whole = sentences.filter(
      (s) =>
        (s.match(/"/g) ?? []).length % 2 === 0 &&
        (s.match(/“/g) ?? []).length === (s.match(/”/g) ?? []).length &&
        /[.!?]["”’]?$/.test(s) &&
        !/\b\d{4}-\d\d-\d\d\b|\d{1,2}[./]\d{1,2}[./]\d{4}|\bUpdated\b|^[A-Z .'-]{3,},/.test(s),
    );
    assert.ok(whole.length > 100, `${whole.length} whole sentences`);
    fc.assert(
      fc.property(fc.shuffledSubarray(whole, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n\n', ' '), (picked, sep) => {
        const draft = picked.join(sep);
        const strong = findingsOf(seeds, draft).filter((f) => f.severity === 'warning' || f.severity === 'error');
        assert.deepEqual(strong.map((f) => `${f.rule} ${JSON.stringify(f.text)}: ${f.message}`), []);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a verbatim quote whose draft sentence is led by rarer words from another quote (found by the property above)', () => {
    // The splitter keeps these two together; the search's rarest words then all came from the first quote.
    const draft =
      'Speaking to BBC Radio 4\'s Today programme on Tuesday, she said: "We can\'t go back to business as usual... how could you imagine that?" ' +
      'Meanwhile, Trump said that “something good may be happening,” but warned: “Don’t believe it until you see it.”';
    const strong = findingsOf(seeds, draft).filter((f) => f.severity === 'warning' || f.severity === 'error');
    assert.deepEqual(strong.map((f) => `${f.rule}: ${f.message}`), []);
    const disagree = findingsOf(seeds, draft).find((f) => f.rule === 'sources/disagree' && f.text === 'something good may be happening');
    assert.match(disagree?.message ?? '', /2 sources say “something good just may be happening”; 1 source says “something good may be happening”/);
  });

  it('never throws on any draft; every range is inside the draft and every excerpt is its source\'s text', () => {
    const draft = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.tuple(fc.shuffledSubarray(sentences, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\n', '\n\n', '\r\n')).map(([p, s]) => p.join(s)),
    );
    fc.assert(
      fc.property(draft, fc.nat(), (text, n) => {
        for (const f of findingsOf(seeds, text)) {
          assert.ok(0 <= f.start && f.start <= f.end && f.end <= text.length, JSON.stringify(f.range));
          if (f.evidence.length) assertEvidence(seeds, f);
        }
        const at = n % (text.length + 1);
        const comparison = describeClaimAt(seeds, text, at);
        if (comparison) assert.equal(comparison.sources.length, seeds.sources.length);
      }),
      { numRuns: 150 },
    );
  });
});

function total(): Tally {
  return scores.reduce(
    (t, s) => {
      for (const k of Object.keys(t) as Array<keyof Tally>) t[k] += s.tally[k];
      return t;
    },
    { expConflict: 0, hitConflict: 0, expNotice: 0, hitNotice: 0, strong: 0, justified: 0, sugExp: 0, sugHit: 0 },
  );
}
