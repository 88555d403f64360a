// Hover on a flagged claim or on any quote, figure or date the engine recognises: what the sources say, how many
// agree, each passage with its source's name and date, and a link that opens the source at the passage.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { ClaimComparison, Finding, RuleId, SeveritySetting } from '../model/types';
import { errorText, type ServerContext } from './context';
import { clip, containsPosition, escapeMarkdown, oneLine, rangesOverlap, sourceLabel, sourceLink, evidenceLabel } from './convert';
import type { CorpusManager } from './corpusManager';
import type { Diagnostics } from './diagnostics';
import type { EngineHost } from './engineHost';

const MAX_SOURCES_LISTED = 8;
const MAX_PASSAGES_PER_SOURCE = 2;
const MAX_EXCERPT = 280;

export class HoverProvider {
  constructor(
    private readonly ctx: ServerContext,
    private readonly corpus: CorpusManager,
    private readonly diagnostics: Diagnostics,
    private readonly engine: EngineHost,
  ) {}

  async hover(params: HoverParams): Promise<Hover | null> {
    const doc = this.ctx.documents.get(params.textDocument.uri);
    if (!doc || this.diagnostics.skipReason(doc)) return null;
    const corpus = await this.corpus.ready(params.textDocument.uri);
    const now = this.ctx.documents.get(params.textDocument.uri);
    if (!corpus || !now) return null;
    const version = now.version;
    const offset = now.offsetAt(params.position);
    let comparison: ClaimComparison | undefined;
    try {
      const dismissals = this.diagnostics.dismissals.forDraft(now.uri);
      const exclude = this.corpus.sourceToExclude(now.uri);
      comparison = await this.engine.describe(corpus, this.corpus.generationOf(corpus), now.getText(), offset, dismissals ? { dismissals } : undefined, exclude);
    } catch (err) {
      this.ctx.log.error(`hover failed at ${params.textDocument.uri}:${params.position.line + 1}: ${errorText(err)}`);
      comparison = undefined;
    }
    // The draft changed meanwhile: ranges would be off. The editor asks again.
    if (this.ctx.documents.get(params.textDocument.uri)?.version !== version) return null;
    const severities = this.diagnostics.optionsFor(params.textDocument.uri).severities ?? {};
    const current = this.diagnostics.findingsFor(now);
    // Findings: the published ones when they match this version (same as the squiggles), else the comparison's.
    const findings = current
      ? current.filter((f) => containsPosition(f.range, params.position) || (comparison && rangesOverlap(f.range, comparison.claim.range)))
      : (comparison?.findings ?? []).filter((f) => !isOff(severities, f.rule));
    if (!comparison && findings.length === 0) return null;
    const markdown = this.ctx.capabilities.hoverMarkdown;
    const value = markdown ? renderMarkdown(comparison, findings) : renderPlain(comparison, findings);
    return {
      contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
      range: comparison?.claim.range ?? findings[0].range,
    };
  }
}

function isOff(severities: Partial<Record<RuleId, SeveritySetting>>, rule: RuleId): boolean {
  return severities[rule] === 'off';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 of 4 sources agree with the draft", plus how many in the corpus do not mention the fact. */
export function countsLine(c: ClaimComparison): string {
  const silent = c.totalSources - c.stating;
  const agree = c.stating === 0 ? 'No source states this' : `${c.agreeing} of ${plural(c.stating, 'source')} ${c.agreeing === 1 && c.stating === 1 ? 'agrees' : 'agree'} with the draft`;
  return silent > 0 && c.stating > 0
    ? `${agree} (${silent} of ${c.totalSources} in the corpus do not mention it)`
    : c.stating === 0
      ? `${agree} (${plural(c.totalSources, 'source')} in the corpus)`
      : agree;
}

const ICON: Record<string, string> = { error: '⛔', warning: '⚠', information: 'ℹ', hint: '·' };

/** The engine's summary, unless it only repeats the counts we already show. */
function addsToCounts(c: ClaimComparison): boolean {
  return !!c.summary && !oneLine(c.summary).includes(`${c.agreeing} of ${c.stating}`);
}

function variantsLine(c: ClaimComparison, esc: (s: string) => string): string | undefined {
  if (c.variants.length === 0) return undefined;
  return `Sources say: ${c.variants.map((v) => `${esc(v.value)} (${plural(v.sources, 'source')})`).join(' · ')}`;
}

/** "Dismissed date/conflict: <reason> (by Name <email>, 2026-01-05T10:00:00Z)" for each dismissed finding on the claim. */
export function dismissedLines(c: ClaimComparison | undefined): string[] {
  return (c?.dismissed ?? []).map(({ finding, dismissal }) => `Dismissed ${finding.rule}: ${oneLine(dismissal.reason)} (by ${oneLine(dismissal.by ?? 'unknown')}, ${oneLine(dismissal.at ?? 'unknown time')})`);
}

function renderMarkdown(c: ClaimComparison | undefined, findings: Finding[]): string {
  const out: string[] = [];
  if (c) {
    out.push(`**Corroborate** · ${c.claim.kind} · “${escapeMarkdown(clip(c.claim.text, 120))}”`);
    out.push('');
    out.push(`**${escapeMarkdown(countsLine(c))}**`);
    if (addsToCounts(c)) out.push('', escapeMarkdown(c.summary));
    const variants = variantsLine(c, (s) => `\`${s.replace(/`/g, "'")}\``);
    if (variants) out.push('', variants);
  } else {
    out.push('**Corroborate**');
  }
  // The finding's full message is already in the diagnostic (which editors show beside this hover); here the rule
  // and the fix are enough. Without a comparison the message is all the context there is.
  for (const f of findings) {
    const fix = f.suggestions.length > 0 ? ` · sources' wording: ${f.suggestions.map((s) => `“${escapeMarkdown(s)}”`).join(', ')}` : '';
    out.push('', `${ICON[f.severity]} **${f.rule}**${fix}`);
    if (!c) out.push('', escapeMarkdown(f.message));
  }
  for (const line of dismissedLines(c)) out.push('', `✓ ${escapeMarkdown(line)}`);
  if (c) {
    const stating = c.sources.filter((s) => s.passages.length > 0);
    const silent = c.sources.filter((s) => s.passages.length === 0);
    if (stating.length > 0) out.push('', '---');
    for (const s of stating.slice(0, MAX_SOURCES_LISTED)) {
      const withValue = s.passages.filter((p) => p.value);
      const mark = withValue.length === 0 ? '·' : withValue.every((p) => p.agrees) ? '✓' : withValue.some((p) => p.agrees) ? '±' : '✗';
      out.push('', `${mark} **${escapeMarkdown(sourceLabel(s.source))}**`);
      for (const p of s.passages.slice(0, MAX_PASSAGES_PER_SOURCE)) {
        const value = p.value ? ` — says ${escapeMarkdown(p.value)}` : '';
        out.push(`> ${escapeMarkdown(clip(p.excerpt, MAX_EXCERPT))}`, '>', `> [open at line ${p.range.start.line + 1}](${sourceLink(s.source.path, p.range)})${value}`, '');
      }
      if (s.passages.length > MAX_PASSAGES_PER_SOURCE) out.push(`_and ${plural(s.passages.length - MAX_PASSAGES_PER_SOURCE, 'more passage')}_`);
    }
    if (stating.length > MAX_SOURCES_LISTED) out.push('', `_and ${plural(stating.length - MAX_SOURCES_LISTED, 'more source')}_`);
    if (silent.length > 0) out.push('', `Not mentioned in: ${silent.map((s) => escapeMarkdown(sourceLabel(s.source))).join('; ')}`);
  } else {
    // A finding outside any recognised claim: its evidence is all we have.
    const evidence = findings.flatMap((f) => f.evidence);
    if (evidence.length > 0) out.push('', '---');
    for (const e of evidence.slice(0, MAX_SOURCES_LISTED)) {
      out.push('', `**${escapeMarkdown(evidenceLabel(e))}**`, `> ${escapeMarkdown(clip(e.excerpt, MAX_EXCERPT))}`, '>', `> [open at line ${e.range.start.line + 1}](${sourceLink(e.source, e.range)})`);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function renderPlain(c: ClaimComparison | undefined, findings: Finding[]): string {
  const out: string[] = [];
  if (c) {
    out.push(`Corroborate · ${c.claim.kind} · "${clip(oneLine(c.claim.text), 120)}"`, countsLine(c));
    if (addsToCounts(c)) out.push(oneLine(c.summary));
    const variants = variantsLine(c, (s) => s);
    if (variants) out.push(variants);
  }
  for (const f of findings) {
    const fix = f.suggestions.length > 0 ? ` · sources' wording: ${f.suggestions.map((s) => `"${s}"`).join(', ')}` : '';
    out.push(`${f.rule} (${f.severity})${fix}`);
    if (!c) out.push(oneLine(f.message));
  }
  out.push(...dismissedLines(c));
  const passages = c
    ? c.sources.flatMap((s) => s.passages.slice(0, MAX_PASSAGES_PER_SOURCE).map((p) => ({ label: sourceLabel(s.source), path: s.source.path, ...p })))
    : findings.flatMap((f) => f.evidence.map((e) => ({ label: evidenceLabel(e), path: e.source, excerpt: e.excerpt, range: e.range, value: '', agrees: false })));
  for (const p of passages.slice(0, MAX_SOURCES_LISTED * MAX_PASSAGES_PER_SOURCE)) {
    out.push('', `${p.label}${p.value ? ` — says ${p.value}` : ''}`, `  "${clip(oneLine(p.excerpt), MAX_EXCERPT)}"`, `  ${sourceLink(p.path, p.range)}`);
  }
  return out.join('\n');
}
