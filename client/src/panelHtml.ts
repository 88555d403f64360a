// The source-comparison panel's HTML, built as a pure function of its state so that it can be tested in node.
// No `vscode` import here. Every string that comes from the corpus, the draft or the server goes through
// escapeHtml(); the only markup is the one written in this file. Clicks on passages refer to `targets` by index,
// so no path or range ever travels from the webview back to the extension.
import { randomBytes } from 'node:crypto';
import { diffWords } from 'diff';
import type { ClaimComparison, Disagreement, Range, SourceInfo, SourcePassages } from '../../server/src/model/types';

export type PanelTab = 'compare' | 'disagreements';

export interface PanelState {
  tab: PanelTab;
  /** The claim last compared; null before the first comparison. */
  comparison: ClaimComparison | null;
  /** Where the compared claim sits, for the header ("draft.md, line 12"). */
  draftLabel?: string;
  /** A one-line note above the comparison, e.g. "No claim at the cursor". */
  notice?: string;
  /** Corpus-wide disagreements loaded so far (pages, strongest first); null while not loaded. */
  disagreements: Disagreement[] | null;
  /** How many more the server has after those loaded. */
  disagreementsMore?: number;
  /** Whether a request is on its way (shows a busy line). */
  loading?: { compare?: boolean; disagreements?: boolean };
  /** A failed request's message. */
  errors?: { compare?: string; disagreements?: string };
}

export interface PanelResources {
  /** The webview's cspSource, e.g. `https://*.vscode-cdn.net`. */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri of client/media/panel.js and client/media/panel.css, as strings. */
  scriptUri: string;
  styleUri: string;
}

/** A place a click in the panel opens: a source file at a range. */
export interface OpenTarget {
  path: string;
  range: Range;
}

export interface RenderedPanel {
  html: string;
  targets: OpenTarget[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Bidi controls (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM) in untrusted text would reorder whatever follows them.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Untrusted inline text (outlet, title, file name, message): escaped and isolated in <bdi>, so a bidi override in it
 * cannot reorder the text around it. */
export function isolated(value: unknown): string {
  return `<bdi>${escapeHtml(value)}</bdi>`;
}

/** Untrusted text in an attribute (a tooltip or aria-label), where <bdi> cannot go: bidi controls shown as escapes. */
export function escapeAttribute(value: unknown): string {
  return escapeHtml(String(value ?? '').replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A fresh nonce for the Content-Security-Policy: 24 random bytes, base64. */
export function makeNonce(): string {
  return randomBytes(24).toString('base64');
}

/** The policy: nothing by default, our script by nonce, styles and images only from the extension's own files. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// ---------------------------------------------------------------------------------------------------------------
// Word differences

/** Typographic quotes and apostrophes compare equal to straight ones (same length, so offsets are kept). */
function foldQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

export interface WordDiff {
  /** Ranges of `text` (start, end) whose words are not in the reference. */
  changed: Array<[number, number]>;
  /** Words of the reference missing from `text`, with the offset in `text` where they would go. */
  removed: Array<{ at: number; text: string }>;
}

/** Word-level differences of `text` against `reference` (the diff package's diffWords). */
export function wordDiff(reference: string, text: string): WordDiff {
  const result: WordDiff = { changed: [], removed: [] };
  if (reference === text) return result;
  const changes = diffWords(foldQuotes(reference), foldQuotes(text));
  let pos = 0;
  for (const change of changes) {
    if (change.removed) {
      const words = change.value.trim();
      if (words) result.removed.push({ at: pos, text: words });
      continue;
    }
    const end = pos + change.value.length;
    if (change.added) {
      // Leave the surrounding whitespace unmarked.
      const lead = change.value.length - change.value.trimStart().length;
      const trail = change.value.length - change.value.trimEnd().length;
      if (end - trail > pos + lead) result.changed.push([pos + lead, end - trail]);
    }
    pos = end;
  }
  // The diff must spell `text` back exactly; if it ever does not, claim nothing rather than mark the wrong words.
  if (pos !== text.length) return { changed: [], removed: [] };
  return result;
}

export interface HighlightOptions {
  /** Show the draft's words that `text` lacks, struck through (default true). */
  draftRemovals?: boolean;
  /** Show the consensus's words that `text` lacks, struck through (default false). */
  consensusRemovals?: boolean;
}

/**
 * `text` as HTML with the words that differ from `draft` in <ins class="vs-draft">, the draft's words it lacks
 * in <del class="vs-draft">, and the words that differ from `consensus` (what the other sources say) marked
 * with class "vs-sources" (its missing words in <del class="vs-sources"> when asked). Either reference may be
 * undefined to skip that comparison.
 */
export function highlightDiff(text: string, draft: string | undefined, consensus?: string, options: HighlightOptions = {}): string {
  const none: WordDiff = { changed: [], removed: [] };
  const vsDraft = draft === undefined ? none : wordDiff(draft, text);
  const vsSources = consensus === undefined ? none : wordDiff(consensus, text);
  const removals = [
    ...(options.draftRemovals === false ? [] : vsDraft.removed.map((r) => ({ ...r, cls: 'vs-draft', title: 'In the draft, not in this source' }))),
    ...(options.consensusRemovals ? vsSources.removed.map((r) => ({ ...r, cls: 'vs-sources', title: 'In the other sources, not in this one' })) : []),
  ];
  const cuts = new Set<number>([0, text.length]);
  for (const [s, e] of [...vsDraft.changed, ...vsSources.changed]) {
    cuts.add(s);
    cuts.add(e);
  }
  for (const r of removals) cuts.add(r.at);
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (ranges: Array<[number, number]>, s: number, e: number) => ranges.some(([a, b]) => a <= s && e <= b);
  let html = '';
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    for (const r of removals.filter((x) => x.at === at)) {
      if (at > 0 && !/\s$/.test(text.slice(0, at))) html += ' ';
      html += `<del class="${r.cls}" title="${r.title}">${escapeHtml(r.text)}</del>`;
      if (at < text.length) html += ' ';
    }
    const next = points[i + 1];
    if (next === undefined || next === at) continue;
    const piece = escapeHtml(text.slice(at, next));
    const draftDiffers = inside(vsDraft.changed, at, next);
    const sourcesDiffer = inside(vsSources.changed, at, next);
    if (draftDiffers) {
      const cls = sourcesDiffer ? 'vs-draft vs-sources' : 'vs-draft';
      const title = sourcesDiffer ? 'Differs from the draft and from other sources' : 'Differs from the draft';
      html += `<ins class="${cls}" title="${title}">${piece}</ins>`;
    } else if (sourcesDiffer) {
      html += `<mark class="vs-sources" title="Differs from other sources">${piece}</mark>`;
    } else html += piece;
  }
  return html;
}

// ---------------------------------------------------------------------------------------------------------------
// Pieces

function normalized(s: string): string {
  return foldQuotes(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}

function sourceLabel(source: SourceInfo): string {
  return source.title?.trim() || baseName(source.path);
}

function sourceMeta(source: SourceInfo): string {
  const bits: string[] = [];
  if (source.outlet) bits.push(isolated(source.outlet));
  if (source.date?.iso) {
    const approx = source.date.ambiguous ? ' title="The date is ambiguous in the source"' : '';
    bits.push(`<time datetime="${escapeHtml(source.date.iso)}"${approx}>${escapeHtml(source.date.iso)}${source.date.ambiguous ? '?' : ''}</time>`);
  }
  bits.push(`<span class="file">${isolated(baseName(source.path))}</span>`);
  return bits.join(' · ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The value most sources give (their first passage with a value), for "differs from the other sources". */
function consensusValue(sources: SourcePassages[]): string | undefined {
  const counts = new Map<string, { value: string; n: number }>();
  for (const s of sources) {
    const value = s.passages.find((p) => p.value.trim())?.value;
    if (!value) continue;
    const key = normalized(value);
    const entry = counts.get(key) ?? { value, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (ranked.length < 2) return undefined; // all agree (or only one says it): nothing differs between sources
  if (ranked[0]!.n === ranked[1]!.n) return undefined; // no majority: marking one side would pick a side
  return ranked[0]!.value;
}

/** Where `value` sits in `excerpt`: exact, else ignoring case, quotes and whitespace runs of equal length. */
function locate(excerpt: string, value: string): [number, number] | undefined {
  if (!value) return undefined;
  const exact = excerpt.indexOf(value);
  if (exact >= 0) return [exact, exact + value.length];
  const folded = foldQuotes(excerpt).toLowerCase().indexOf(foldQuotes(value).toLowerCase());
  if (folded >= 0) return [folded, folded + value.length];
  return undefined;
}

/** Variants that differ only in quote marks, case or spacing are one variant to a reader. */
export function mergeVariants(variants: ClaimComparison['variants']): ClaimComparison['variants'] {
  const merged = new Map<string, { value: string; sources: number }>();
  for (const v of variants) {
    const key = normalized(v.value);
    const entry = merged.get(key);
    if (entry) entry.sources += v.sources;
    else merged.set(key, { value: v.value, sources: v.sources });
  }
  return [...merged.values()].sort((a, b) => b.sources - a.sources);
}

type Stance = 'agrees' | 'differs' | 'mentions' | 'silent';

function stanceOf(s: SourcePassages): Stance {
  if (s.passages.length === 0) return 'silent';
  if (s.passages.some((p) => p.agrees)) return 'agrees';
  if (s.passages.some((p) => p.value.trim())) return 'differs';
  return 'mentions';
}

const STANCE_LABEL: Record<Stance, string> = {
  agrees: 'Agrees with the draft',
  differs: 'Differs from the draft',
  mentions: 'Mentions it, no value',
  silent: 'Does not mention it',
};

function passageHtml(
  passage: SourcePassages['passages'][number],
  source: SourceInfo,
  draftText: string,
  consensus: string | undefined,
  targets: OpenTarget[],
): string {
  const index = targets.push({ path: source.path, range: passage.range }) - 1;
  const line = passage.range.start.line + 1;
  const where = locate(passage.excerpt, passage.value);
  let body: string;
  let extra = '';
  const mark = (value: string) => highlightDiff(value, draftText, consensus);
  if (where) {
    const [s, e] = where;
    body =
      escapeHtml(passage.excerpt.slice(0, s)) +
      `<span class="value">${mark(passage.excerpt.slice(s, e))}</span>` +
      escapeHtml(passage.excerpt.slice(e));
  } else {
    body = escapeHtml(passage.excerpt);
    if (passage.value.trim()) extra = `<p class="source-value">This source: <span class="value">${mark(passage.value)}</span></p>`;
  }
  const label = `Open ${sourceLabel(source)} at line ${line}`;
  return (
    `<li class="passage-item ${passage.agrees ? 'agrees' : passage.value.trim() ? 'differs' : 'mentions'}">` +
    `<blockquote class="passage" role="link" tabindex="0" data-open="${index}" aria-label="${escapeAttribute(label)}" title="${escapeAttribute(label)}">${body}</blockquote>` +
    extra +
    `<span class="line">line ${line}</span>` +
    `</li>`
  );
}

function comparisonHtml(state: PanelState, targets: OpenTarget[]): string {
  const c = state.comparison;
  const parts: string[] = [];
  if (state.notice) parts.push(`<p class="notice" role="status">${escapeHtml(state.notice)}</p>`);
  if (state.errors?.compare) parts.push(`<p class="error" role="alert">${escapeHtml(state.errors.compare)}</p>`);
  if (state.loading?.compare) parts.push(`<p class="busy" role="status">Comparing…</p>`);
  if (!c) {
    parts.push(
      `<div class="empty"><p>Put the cursor on a quote, figure, date or name in a draft, then run ` +
        `<strong>Corroborate: Compare Sources at Cursor</strong>.</p>` +
        `<p><button type="button" class="action" data-action="compareAtCursor">Compare at cursor</button></p></div>`,
    );
    return parts.join('');
  }
  const draftText = c.claim.text;
  const consensus = consensusValue(c.sources);
  const stances = c.sources.map(stanceOf);
  const silent = stances.filter((s) => s === 'silent').length;

  parts.push(
    `<header class="claim">` +
      `<p class="kicker"><span class="kind kind-${escapeHtml(c.claim.kind)}">${escapeHtml(c.claim.kind)}</span>` +
      (state.draftLabel ? ` <span class="where">${escapeHtml(state.draftLabel)}</span>` : '') +
      `</p>` +
      `<h1 class="claim-text">${escapeHtml(draftText)}</h1>` +
      `<p class="summary">${escapeHtml(c.summary)}</p>` +
      `<p class="counts"><span class="count">Agree with the draft: <strong class="agree-count">${c.agreeing} of ${c.stating}</strong></span>` +
        ` <span class="count">Say nothing about it: <strong>${silent} of ${c.totalSources}</strong></span></p>`,
  );
  const variants = mergeVariants(c.variants);
  if (variants.length > 0) {
    const first = variants[0]!.value;
    parts.push(
      `<ul class="variants" aria-label="What the sources say">` +
        variants
          .map(
            (v, i) =>
              `<li><span class="value"><bdi>${highlightDiff(v.value, draftText, i === 0 ? undefined : first, { draftRemovals: false })}</bdi></span>` +
              ` <span class="badge">${plural(v.sources, 'source')}</span></li>`,
          )
          .join('') +
        `</ul>`,
    );
  }
  if (c.findings.length > 0) {
    parts.push(
      `<ul class="findings" aria-label="Findings">` +
        c.findings
          .map(
            (f) =>
              `<li class="finding sev-${escapeHtml(f.severity)}"><code>${escapeHtml(f.rule)}</code> ${isolated(f.message)}` +
              (f.suggestions.length ? ` <span class="suggestion">Sources: ${f.suggestions.map((s) => `<q>${isolated(s)}</q>`).join(', ')}</span>` : '') +
              `</li>`,
          )
          .join('') +
        `</ul>`,
    );
  }
  parts.push(`</header>`);
  parts.push(
    `<p class="legend" aria-hidden="true"><ins class="vs-draft">differs from the draft</ins> <del class="vs-draft">in the draft only</del> <mark class="vs-sources">differs from the other sources</mark></p>`,
  );

  parts.push(`<div class="columns" role="list" aria-label="Sources">`);
  c.sources.forEach((s, i) => {
    const stance = stances[i]!;
    parts.push(
      `<article class="source ${stance}" role="listitem" aria-label="${escapeAttribute(sourceLabel(s.source))}: ${STANCE_LABEL[stance]}">` +
        `<h2 class="source-title">${isolated(sourceLabel(s.source))}</h2>` +
        `<p class="meta">${sourceMeta(s.source)}</p>` +
        `<p class="stance stance-${stance}">${STANCE_LABEL[stance]}</p>`,
    );
    if (s.passages.length > 0) {
      parts.push(`<ol class="passages">`);
      for (const p of s.passages) parts.push(passageHtml(p, s.source, draftText, consensus, targets));
      parts.push(`</ol>`);
    }
    parts.push(`</article>`);
  });
  parts.push(`</div>`);
  return parts.join('');
}

function disagreementsHtml(state: PanelState, targets: OpenTarget[]): string {
  const parts: string[] = [];
  if (state.errors?.disagreements) parts.push(`<p class="error" role="alert">${escapeHtml(state.errors.disagreements)}</p>`);
  const list = state.disagreements;
  if (list === null) {
    parts.push(`<p class="busy" role="status">${state.loading?.disagreements ? 'Looking for disagreements…' : 'Not loaded yet.'}</p>`);
    return parts.join('');
  }
  if (state.loading?.disagreements) parts.push(`<p class="busy" role="status">Refreshing…</p>`);
  const more = state.disagreementsMore ?? 0;
  const total = list.length + more;
  parts.push(
    `<p class="summary">${total === 0 ? 'The sources agree on every fact Corroborate compares.' : `The sources disagree on ${plural(total, 'fact')}${more ? `, strongest first; ${list.length} shown` : ''}.`}` +
      ` <button type="button" class="action" data-action="refreshDisagreements">Refresh</button></p>`,
  );
  if (list.length === 0) return parts.join('');
  parts.push(`<ol class="disagreements">`);
  for (const d of list) {
    const first = d.variants[0]?.value;
    parts.push(
      `<li class="disagreement"><h2><span class="kind kind-${escapeHtml(d.kind)}">${escapeHtml(d.kind)}</span> ${isolated(d.topic)}</h2>` +
        `<ul class="variants">`,
    );
    d.variants.forEach((v, i) => {
      parts.push(
        `<li class="variant"><p><span class="value"><bdi>${i === 0 ? escapeHtml(v.value) : highlightDiff(v.value, undefined, first, { consensusRemovals: true })}</bdi></span>` +
          ` <span class="badge">${plural(v.sources.length, 'source')}</span></p><ul class="citations">`,
      );
      for (const s of v.sources) {
        const index = targets.push({ path: s.source.path, range: s.range }) - 1;
        const label = `Open ${sourceLabel(s.source)} at line ${s.range.start.line + 1}`;
        parts.push(
          `<li><a href="#" class="citation" data-open="${index}" aria-label="${escapeAttribute(label)}" title="${escapeAttribute(label)}">` +
            `<span class="source-title">${isolated(sourceLabel(s.source))}</span></a>` +
            ` <span class="meta">${sourceMeta(s.source)}</span>` +
            `<blockquote class="excerpt">${escapeHtml(s.excerpt)}</blockquote></li>`,
        );
      }
      parts.push(`</ul></li>`);
    });
    parts.push(`</ul></li>`);
  }
  parts.push(`</ol>`);
  if (more) {
    parts.push(
      `<p class="more">… and ${plural(more, 'more fact')}.` +
        ` <button type="button" class="action" data-action="moreDisagreements"${state.loading?.disagreements ? ' disabled' : ''}>Show more</button></p>`,
    );
  }
  return parts.join('');
}

/** The whole webview document for `state`, and the open targets its `data-open` indexes refer to. */
export function renderPanel(state: PanelState, res: PanelResources): RenderedPanel {
  const targets: OpenTarget[] = [];
  const compare = comparisonHtml(state, targets);
  const disagreements = disagreementsHtml(state, targets);
  const tab = (id: PanelTab, label: string) =>
    `<button type="button" role="tab" id="tab-${id}" class="tab" data-tab="${id}" aria-controls="panel-${id}"` +
    ` aria-selected="${state.tab === id}" tabindex="${state.tab === id ? 0 : -1}">${label}</button>`;
  const count = state.disagreements ? ` <span class="badge">${state.disagreements.length + (state.disagreementsMore ?? 0)}</span>` : '';
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(res.cspSource, res.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(res.styleUri)}">
<title>Corroborate: compare sources</title>
</head>
<body>
<nav class="tabs" role="tablist" aria-label="Corroborate views">${tab('compare', 'Claim at cursor')}${tab('disagreements', `Where sources disagree${count}`)}</nav>
<main>
<section id="panel-compare" class="view" role="tabpanel" aria-labelledby="tab-compare"${state.tab === 'compare' ? '' : ' hidden'}>${compare}</section>
<section id="panel-disagreements" class="view" role="tabpanel" aria-labelledby="tab-disagreements"${state.tab === 'disagreements' ? '' : ' hidden'}>${disagreements}</section>
</main>
<script nonce="${escapeHtml(res.nonce)}" src="${escapeHtml(res.scriptUri)}"></script>
</body>
</html>`;
  return { html, targets };
}
