// The comparison panel's HTML: every corpus string escaped, a strict CSP, word differences highlighted with the
// diff package, agreement counts, and clickable passages that refer to open targets by index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  contentSecurityPolicy,
  escapeHtml,
  highlightDiff,
  makeNonce,
  mergeVariants,
  renderPanel,
  wordDiff,
  type PanelResources,
  type PanelState,
} from '../../client/src/panelHtml';
import type { ClaimComparison, Disagreement, Range, SourceInfo } from '../../server/src/model/types';

const res: PanelResources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'TESTNONCE123',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
};

const range = (line: number, start = 0, end = 10): Range => ({ start: { line, character: start }, end: { line, character: end } });
const source = (name: string, extra: Partial<SourceInfo> = {}): SourceInfo => ({ path: `/corpus/${name}.txt`, title: `Title ${name}`, ...extra });

function comparison(overrides: Partial<ClaimComparison> = {}): ClaimComparison {
  return {
    claim: { kind: 'quote', text: 'a common understanding on the main terms of the agreement discussed', range: range(8, 50, 117) },
    summary: 'Quote: 0 of 2 sources agree with the draft',
    agreeing: 0,
    stating: 2,
    totalSources: 3,
    variants: [{ value: 'a common understanding on the key terms of the agreement discussed', sources: 2 }],
    sources: [
      {
        source: source('bbc', { outlet: 'BBC News', date: { iso: '2025-11-25', how: 'dateline', ambiguous: false, raw: '25 Nov' } }),
        passages: [
          {
            excerpt: 'Rustem Umerov said the US and Ukraine had reached "a common understanding on the key terms of the agreement discussed" at previous talks.',
            range: range(12, 0, 140),
            value: 'a common understanding on the key terms of the agreement discussed',
            agrees: false,
          },
        ],
      },
      {
        source: source('ffr'),
        passages: [
          {
            excerpt: 'Umerov said Kyiv and Washington reached a “common understanding on the key terms of the agreement discussed” in earlier talks.',
            range: range(7, 0, 120),
            value: 'common understanding on the key terms of the agreement discussed',
            agrees: false,
          },
        ],
      },
      { source: source('blog'), passages: [] },
    ],
    findings: [
      {
        rule: 'quote/altered',
        severity: 'warning',
        range: range(8, 50, 117),
        message: 'The sources quote this as "… key terms …"',
        suggestions: ['a common understanding on the key terms of the agreement discussed'],
        evidence: [],
      },
    ],
    ...overrides,
  };
}

const state = (s: Partial<PanelState> = {}): PanelState => ({ tab: 'compare', comparison: comparison(), disagreements: null, ...s });

/** Tag names in an HTML string. */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
}
const OUR_TAGS = new Set([
  'html', 'head', 'meta', 'link', 'title', 'body', 'nav', 'button', 'main', 'section', 'script', 'p', 'div', 'strong',
  'header', 'span', 'h1', 'h2', 'ul', 'ol', 'li', 'code', 'q', 'ins', 'del', 'mark', 'article', 'time', 'blockquote', 'a', 'bdi',
]);

const OUR_ATTRIBUTES = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'nonce', 'src', 'type', 'role', 'id', 'class', 'title',
  'hidden', 'tabindex', 'datetime', 'data-open', 'data-tab', 'data-action', 'aria-label', 'aria-controls', 'aria-selected',
  'aria-labelledby', 'aria-hidden',
]);

/** Every attribute in every tag is one we write: values are double-quoted and cannot contain a raw quote. */
function assertOnlyOurAttributes(html: string): void {
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    const bare = tag.replace(/="[^"]*"/g, '');
    assert.ok(!bare.includes("'") && !bare.includes('='), `unquoted attribute value in ${tag}`);
    for (const m of bare.matchAll(/\s([^\s>/]+)/g)) assert.ok(OUR_ATTRIBUTES.has(m[1]!), `unexpected attribute ${m[1]} in ${tag}`);
  }
}

test('escapeHtml escapes the five HTML specials', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  assert.equal(escapeHtml(undefined), '');
});

test('a source containing <script> shows as text, in every field', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';
  const c = comparison({
    claim: { kind: 'quote', text: `draft ${evil}`, range: range(1) },
    summary: `summary ${evil}`,
    variants: [{ value: `variant ${evil}`, sources: 1 }],
    sources: [
      {
        source: { path: `/corpus/${evil}.txt`, title: `title ${evil}`, outlet: `outlet ${evil}`, date: { iso: `2025 ${evil}`, how: 'x', ambiguous: true, raw: evil } },
        passages: [{ excerpt: `He said ${evil} yesterday`, range: range(2), value: evil, agrees: false }],
      },
    ],
    findings: [{ rule: 'quote/altered', severity: 'warning', range: range(1), message: `message ${evil}`, suggestions: [evil], evidence: [] }],
  });
  const disagreements: Disagreement[] = [
    { kind: 'figure', topic: `topic ${evil}`, variants: [{ value: evil, sources: [{ source: source(evil), excerpt: evil, range: range(3) }] }, { value: `x ${evil}`, sources: [] }] },
  ];
  const { html } = renderPanel(
    { tab: 'compare', comparison: c, disagreements, draftLabel: evil, notice: evil, errors: { compare: evil, disagreements: evil } },
    res,
  );
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'only our own script tag');
  assert.ok(!html.includes('<img'), 'no injected element');
  assertOnlyOurAttributes(html);
  assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt;'), 'the would-be element shows as text');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown as text');
  for (const t of tags(html)) assert.ok(OUR_TAGS.has(t), `unexpected tag <${t}>`);
});

test('property: whatever the corpus says, the page has only our tags and our one script', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (excerpt, value, title, draft) => {
      const c = comparison({
        claim: { kind: 'figure', text: draft, range: range(0) },
        sources: [{ source: { path: `/c/${title}`, title }, passages: [{ excerpt, range: range(1), value, agrees: false }] }],
        variants: [{ value, sources: 1 }, { value: excerpt, sources: 1 }],
      });
      const disagreements: Disagreement[] = [{ kind: 'quote', topic: title, variants: [{ value, sources: [{ source: source(title), excerpt, range: range(0) }] }, { value: draft, sources: [] }] }];
      for (const tab of ['compare', 'disagreements'] as const) {
        const { html } = renderPanel({ tab, comparison: c, disagreements }, res);
        assert.equal((html.match(/<script/gi) ?? []).length, 1);
        for (const t of tags(html)) assert.ok(OUR_TAGS.has(t), `unexpected tag <${t}> for ${JSON.stringify({ excerpt, value, title, draft })}`);
        assertOnlyOurAttributes(html);
      }
    }),
    { numRuns: 300 },
  );
});

test('strict Content-Security-Policy: nothing by default, our script by nonce, no inline or remote code', () => {
  const csp = contentSecurityPolicy(res.cspSource, 'N1');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N1'(;|$)/);
  assert.match(csp, new RegExp(`style-src ${res.cspSource.replace(/[.+*]/g, '\\$&')}(;|$)`));
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !/https?:\/\/(?!file\+)/.test(csp));
  const { html } = renderPanel(state(), res);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`));
  assert.ok(html.includes(`<script nonce="${res.nonce}" src="${res.scriptUri}"></script>`));
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  assert.ok(!/\sstyle=/i.test(html), 'no inline styles (the CSP would block them)');
  assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(html), 'no remote content');
});

test('nonces are fresh and CSP-safe', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9+/=]{32}$/);
});

test('wordDiff finds the changed words of a text and the reference words it lacks', () => {
  const d = wordDiff('on the main terms', 'on the key terms');
  assert.deepEqual(d.changed, [[7, 10]]);
  assert.deepEqual(d.removed, [{ at: 7, text: 'main' }]);
  assert.deepEqual(wordDiff('same words', 'same words'), { changed: [], removed: [] });
  // Typographic and straight quotes compare equal.
  assert.deepEqual(wordDiff("Don't believe it", 'Don’t believe it'), { changed: [], removed: [] });
});

test('highlightDiff marks words that differ from the draft and from the other sources', () => {
  assert.equal(
    highlightDiff('on the key terms', 'on the main terms'),
    'on the <del class="vs-draft" title="In the draft, not in this source">main</del> <ins class="vs-draft" title="Differs from the draft">key</ins> terms',
  );
  const both = highlightDiff('22 missiles', '32 missiles', '23 missiles');
  assert.match(both, /<ins class="vs-draft vs-sources"[^>]*>22<\/ins> missiles/);
  const sourcesOnly = highlightDiff('more than 460 drones', undefined, 'over 460 drones');
  assert.match(sourcesOnly, /<mark class="vs-sources"[^>]*>more than<\/mark> 460 drones/);
  assert.equal(highlightDiff('<b>', '<b>'), '&lt;b&gt;');
  // Words the text lacks: the draft's by default, the other sources' on request, spaced as words.
  assert.equal(highlightDiff('something good may be happening', undefined, 'something good just may be happening', { consensusRemovals: true }),
    'something good <del class="vs-sources" title="In the other sources, not in this one">just</del> may be happening');
  assert.equal(highlightDiff('key terms', 'key terms agreed', undefined, {}), 'key terms <del class="vs-draft" title="In the draft, not in this source">agreed</del>');
  assert.equal(highlightDiff('key terms', 'key terms agreed', undefined, { draftRemovals: false }), 'key terms');
});

test('one column per source, passage values highlighted against the draft, agreement counts shown', () => {
  const { html, targets } = renderPanel(state(), res);
  assert.equal((html.match(/<article class="source /g) ?? []).length, 3, 'every source gets a column, silent ones too');
  assert.match(html, /class="source differs"[^>]*aria-label="Title bbc: Differs from the draft"/);
  assert.match(html, /class="source silent"[^>]*aria-label="Title blog: Does not mention it"/);
  assert.match(html, /Agree with the draft: <strong class="agree-count">0 of 2<\/strong><\/span> <span class="count">Say nothing about it: <strong>1 of 3<\/strong>/);
  // The value inside the excerpt: the differing word highlighted, the draft's word struck.
  assert.match(html, /<span class="value">a common understanding on the <del class="vs-draft"[^>]*>main<\/del> <ins class="vs-draft"[^>]*>key<\/ins> terms of the agreement discussed<\/span>/);
  // The excerpt around the value is kept, escaped.
  assert.ok(html.includes('Rustem Umerov said the US and Ukraine had reached &quot;<span class="value">'));
  assert.match(html, /<bdi>BBC News<\/bdi> · <time datetime="2025-11-25">2025-11-25<\/time> · <span class="file"><bdi>bbc.txt<\/bdi><\/span>/);
  assert.match(html, /<code>quote\/altered<\/code> <bdi>The sources quote this as &quot;… key terms …&quot;/);
  // Clickable passages refer to targets by index, in order.
  assert.deepEqual(targets.slice(0, 2), [
    { path: '/corpus/bbc.txt', range: range(12, 0, 140) },
    { path: '/corpus/ffr.txt', range: range(7, 0, 120) },
  ]);
  assert.match(html, /<blockquote class="passage" role="link" tabindex="0" data-open="0" aria-label="Open Title bbc at line 13"/);
  assert.match(html, /data-open="1" aria-label="Open Title ffr at line 8"/);
});

test('keyboard: tabs are buttons in a tablist, the selected one in the tab order, the other view hidden', () => {
  const { html } = renderPanel(state(), res);
  assert.match(html, /<nav class="tabs" role="tablist"/);
  assert.match(html, /<button type="button" role="tab" id="tab-compare"[^>]*aria-selected="true" tabindex="0">/);
  assert.match(html, /<button type="button" role="tab" id="tab-disagreements"[^>]*aria-selected="false" tabindex="-1">/);
  assert.match(html, /<section id="panel-disagreements"[^>]*hidden>/);
  assert.doesNotMatch(html, /<section id="panel-compare"[^>]*hidden>/);
});

test('a source whose value is not in its excerpt shows the value below it', () => {
  const c = comparison();
  c.sources[0]!.passages[0]!.excerpt = 'Umerov spoke to reporters.';
  const { html } = renderPanel(state({ comparison: c }), res);
  assert.match(html, /<blockquote[^>]*>Umerov spoke to reporters\.<\/blockquote><p class="source-value">This source: <span class="value">/);
});

test('agreeing sources are not marked; a minority source is marked against the majority', () => {
  const figure: ClaimComparison = {
    claim: { kind: 'figure', text: '22 missiles', range: range(3) },
    summary: '22 missiles: 2 of 3 sources agree with the draft',
    agreeing: 2,
    stating: 3,
    totalSources: 3,
    variants: [
      { value: '22 missiles', sources: 2 },
      { value: '23 missiles', sources: 1 },
    ],
    sources: ['a', 'b', 'c'].map((n, i) => ({
      source: source(n),
      passages: [{ excerpt: `Russia fired ${i === 2 ? '23' : '22'} missiles overnight.`, range: range(i), value: `${i === 2 ? '23' : '22'} missiles`, agrees: i !== 2 }],
    })),
    findings: [],
  };
  const { html } = renderPanel(state({ comparison: figure }), res);
  assert.match(html, /Russia fired <span class="value">22 missiles<\/span> overnight\./);
  assert.match(html, /Russia fired <span class="value"><del class="vs-draft"[^>]*>22<\/del> <ins class="vs-draft vs-sources"[^>]*>23<\/ins> missiles<\/span>/);
  assert.match(html, /<strong class="agree-count">2 of 3<\/strong>/);
  // The variants list marks what differs, without striking the draft's words.
  assert.match(html, /<li><span class="value"><bdi><ins class="vs-draft vs-sources"[^>]*>23<\/ins> missiles<\/bdi><\/span> <span class="badge">1 source<\/span><\/li>/);
});

test('no claim yet: an empty state with a focusable action', () => {
  const { html, targets } = renderPanel({ tab: 'compare', comparison: null, disagreements: null, notice: 'No quote, figure, date or name at line 3, column 1.' }, res);
  assert.match(html, /<p class="notice" role="status">No quote, figure, date or name at line 3, column 1\.<\/p>/);
  assert.match(html, /<button type="button" class="action" data-action="compareAtCursor">Compare at cursor<\/button>/);
  assert.deepEqual(targets, []);
});

test('the disagreements view lists each fact with its variants, counts, citations and differences', () => {
  const disagreements: Disagreement[] = [
    {
      kind: 'date',
      topic: 'duration of the war',
      variants: [
        { value: 'nearly four years', sources: [{ source: source('bbc'), excerpt: 'after almost four years of war', range: range(40, 3, 20) }] },
        { value: 'nearly three years', sources: [{ source: source('wire'), excerpt: 'the nearly three-year conflict', range: range(9, 1, 30) }] },
      ],
    },
  ];
  const { html, targets } = renderPanel({ tab: 'disagreements', comparison: null, disagreements }, res);
  assert.match(html, /<section id="panel-compare"[^>]*hidden>/);
  assert.match(html, /The sources disagree on 1 fact\./);
  assert.match(html, /<span class="kind kind-date">date<\/span> <bdi>duration of the war<\/bdi>/);
  assert.match(html, /<span class="value"><bdi>nearly four years<\/bdi><\/span> <span class="badge">1 source<\/span>/);
  assert.match(html, /<span class="value"><bdi>nearly <del class="vs-sources"[^>]*>four<\/del> <mark class="vs-sources"[^>]*>three<\/mark> years<\/bdi><\/span>/);
  assert.match(html, /<a href="#" class="citation" data-open="0" aria-label="Open Title bbc at line 41"/);
  assert.match(html, /<blockquote class="excerpt">the nearly three-year conflict<\/blockquote>/);
  assert.match(html, /Where sources disagree <span class="badge">1<\/span>/);
  assert.deepEqual(targets, [
    { path: '/corpus/bbc.txt', range: range(40, 3, 20) },
    { path: '/corpus/wire.txt', range: range(9, 1, 30) },
  ]);
});

test('disagreements: the first page, with how many more and a button that asks for the next page', () => {
  const one: Disagreement = { kind: 'figure', topic: 'boats sunk', variants: [{ value: '40 boats', sources: [] }, { value: '35 boats', sources: [] }] };
  const paged = renderPanel({ tab: 'disagreements', comparison: null, disagreements: [one, one], disagreementsMore: 7 }, res).html;
  assert.match(paged, /The sources disagree on 9 facts, strongest first; 2 shown\./);
  assert.match(paged, /<p class="more">… and 7 more facts\. <button type="button" class="action" data-action="moreDisagreements">Show more<\/button><\/p>/);
  assert.match(paged, /Where sources disagree <span class="badge">9<\/span>/);
  const busy = renderPanel({ tab: 'disagreements', comparison: null, disagreements: [one], disagreementsMore: 1, loading: { disagreements: true } }, res).html;
  assert.match(busy, /data-action="moreDisagreements" disabled>Show more/);
  const last = renderPanel({ tab: 'disagreements', comparison: null, disagreements: [one, one], disagreementsMore: 0 }, res).html;
  assert.doesNotMatch(last, /moreDisagreements/);
  assert.match(last, /The sources disagree on 2 facts\./);
});

test('disagreements: loading, empty and error states', () => {
  assert.match(renderPanel({ tab: 'disagreements', comparison: null, disagreements: null, loading: { disagreements: true } }, res).html, /Looking for disagreements…/);
  assert.match(renderPanel({ tab: 'disagreements', comparison: null, disagreements: [] }, res).html, /The sources agree on every fact Corroborate compares\./);
  assert.match(
    renderPanel({ tab: 'disagreements', comparison: null, disagreements: null, errors: { disagreements: 'boom <b>' } }, res).html,
    /<p class="error" role="alert">boom &lt;b&gt;<\/p>/,
  );
});

test('variants that differ only in quote marks or case are shown once, with their sources added up', () => {
  assert.deepEqual(
    mergeVariants([
      { value: 'We can’t go back', sources: 1 },
      { value: "We can't go back", sources: 1 },
      { value: 'We cannot go back', sources: 1 },
    ]),
    [
      { value: 'We can’t go back', sources: 2 },
      { value: 'We cannot go back', sources: 1 },
    ],
  );
});

test('a bidi override in an outlet, title or value cannot reorder the text around it', () => {
  const RLO = '\u202e';
  const c = comparison();
  c.sources[0]!.source.outlet = `Evil ${RLO}News`;
  c.sources[0]!.source.title = `Title ${RLO}bbc`;
  const { html } = renderPanel({ tab: 'compare', comparison: c, disagreements: [] }, res);
  assert.ok(html.includes(`<bdi>Evil ${RLO}News</bdi>`), 'outlet isolated');
  assert.ok(html.includes(`<h2 class="source-title"><bdi>Title ${RLO}bbc</bdi></h2>`), 'title isolated');
  // Attributes cannot hold <bdi>: there the override is shown as an escape.
  assert.ok(!/="[^"]*\u202e[^"]*"/.test(html), 'no bidi control inside an attribute');
  assert.ok(html.includes('aria-label="Title \\u202ebbc: '), html.match(/aria-label="Title[^"]*"/)?.[0]);
});
