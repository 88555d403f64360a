// The injection grammar: its regexes (Oniguruma syntax kept to what JavaScript shares) run over sentences from the
// seeds with a small TextMate-like scanner: at each point the earliest match wins, ties go to the first pattern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  patterns?: Rule[];
  include?: string;
}
const root = join(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'corroborate.injection.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function expand(rules: Rule[]): Rule[] {
  return rules.flatMap((r) => (r.include ? expand(grammar.repository[r.include.slice(1)]!.patterns ?? [grammar.repository[r.include.slice(1)]!]) : [r]));
}

type Token = [scope: string, text: string];

/** Scans one line; returns the scoped pieces (outermost scope first for nested ones). */
function scan(line: string, rules = expand(grammar.patterns), from = 0, until?: RegExp): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let pos = from;
  while (pos <= line.length) {
    let best: { rule: Rule; m: RegExpExecArray } | undefined;
    let endMatch: RegExpExecArray | null = null;
    if (until) {
      until.lastIndex = pos;
      endMatch = until.exec(line);
    }
    for (const rule of rules) {
      const re = new RegExp(rule.match ?? rule.begin!, 'g');
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (endMatch && (!best || endMatch.index <= best.m.index)) return { tokens, end: endMatch.index + endMatch[0].length };
    if (!best) break;
    const { rule, m } = best;
    if (rule.match) {
      if (rule.name) tokens.push([rule.name, m[0]]);
      for (const [i, c] of Object.entries(rule.captures ?? {})) if (m[Number(i)]) tokens.push([c.name, m[Number(i)]!]);
      pos = m.index + Math.max(1, m[0].length);
    } else {
      const inner = scan(line, expand(rule.patterns ?? []), m.index + m[0].length, new RegExp(rule.end!, 'g'));
      tokens.push([rule.name!, line.slice(m.index, inner.end)]);
      tokens.push(...inner.tokens);
      pos = Math.max(inner.end, m.index + 1);
    }
  }
  return { tokens, end: line.length };
}

const QUOTE = 'string.quoted.double.corroborate';
const FIGURE = 'constant.numeric.corroborate';
const DATE = 'constant.other.date.corroborate';
const of = (scope: string, line: string) => scan(line).tokens.filter(([s]) => s === scope).map(([, t]) => t);

test('the grammar is injected into Markdown and plain text, outside code and links', () => {
  const grammars = pkg.contributes.grammars as Array<{ scopeName: string; path: string; injectTo?: string[]; language?: string }>;
  const injection = grammars.find((g) => g.scopeName === grammar.scopeName)!;
  assert.deepEqual(injection.injectTo, ['text.html.markdown', 'text.plain.corroborate']);
  assert.equal(injection.path, './syntaxes/corroborate.injection.tmLanguage.json');
  assert.ok(grammars.some((g) => g.language === 'plaintext' && g.scopeName === 'text.plain.corroborate'));
  for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-meta.embedded', '-markup.underline.link', `-${QUOTE}`]) assert.ok(grammar.injectionSelector.includes(excluded), excluded);
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown .*, L:text\.plain\.corroborate /);
});

test('every regex compiles', () => {
  const all = (r: Rule): string[] => [r.match, r.begin, r.end].filter((x): x is string => !!x).concat((r.patterns ?? []).flatMap(all));
  for (const rule of Object.values(grammar.repository)) for (const re of all(rule)) assert.doesNotThrow(() => new RegExp(re), re);
});

test('quotes: curly and straight, with figures and dates inside', () => {
  assert.deepEqual(of(QUOTE, 'He hoped to travel “at the earliest suitable date in November,” officials said.'), ['“at the earliest suitable date in November,”']);
  assert.deepEqual(of(QUOTE, 'Russia should "definitely not" rejoin the G8, she said: "We can\'t go back."'), ['"definitely not"', '"We can\'t go back."']);
  const tokens = scan('“22 missiles hit us on Tuesday,” he said.').tokens;
  assert.deepEqual(tokens, [
    [QUOTE, '“22 missiles hit us on Tuesday,”'],
    [FIGURE, '22'],
    [DATE, 'Tuesday'],
  ]);
  assert.deepEqual(of(QUOTE, 'Ukraine’s army and Kyiv’s leverage'), [], 'apostrophes are not quotes');
});

test('figures: digits with qualifiers and scales, numbers in words', () => {
  assert.deepEqual(
    of(FIGURE, 'Zelensky said 22 missiles and more than 460 drones hit Ukrainian cities, killing at least six people.'),
    ['22', 'more than 460', 'at least six'],
  );
  assert.deepEqual(of(FIGURE, 'leaving up to 40,000 people without electricity; 1.5 million fled; 12% voted'), ['up to 40,000', '1.5 million', '12%']);
  assert.deepEqual(of(FIGURE, 'Tens of thousands of soldiers and thousands of civilians'), ['Tens of thousands', 'thousands']);
  assert.deepEqual(of(FIGURE, 'an initial 28-point U.S. proposal; rejoin the G8; twenty-two drones'), ['28', 'twenty-two']);
});

test('dates: absolute, numeric, weekdays, relative, years and durations', () => {
  assert.deepEqual(of(DATE, 'a call on 14 October between Witkoff and Ushakov'), ['14 October']);
  assert.deepEqual(of(DATE, 'since the invasion began in February 2022.'), ['February 2022']);
  assert.deepEqual(of(DATE, 'WASHINGTON, NOV. 25, 2025 —'), ['NOV. 25, 2025']);
  assert.deepEqual(of(DATE, 'Updated on 18 November 2025; 03.12.2025; date: 2025-11-26T03:59:51'), ['18 November 2025', '03.12.2025', '2025-11-26T03:59:51']);
  assert.deepEqual(of(DATE, 'said on Tuesday that talks last week went well'), ['Tuesday', 'last week']);
  assert.deepEqual(of(DATE, 'annexed in 2014, after almost four years of war'), ['2014', 'almost four years']);
  assert.deepEqual(of(FIGURE, '14 October and February 2022 and in 2014'), [], 'numbers inside dates are dates, not figures');
  assert.deepEqual(of(DATE, 'You may say so; May 9 is a holiday'), ['May 9']);
});
