// Builds the sign-off report from one check of the draft: the findings the diagnostics show (and those an ignore
// comment hides), and for every claim the comparison the hover shows (compareClaim), so the three never disagree.
import { createHash } from 'node:crypto';
import type { Corpus, SourceDoc } from '../corpus/corpus';
import { acceptedSpellingsOf } from '../checks/nameMisspelled';
import { compareClaim, countPassages, passageOf, runChecks, type ComparisonTarget, type FindingOutcome } from '../engine/check';
import { isHeadline } from '../corpus/corpus';
import type { ClaimKind, Evidence, RuleId, Span } from '../model/types';
import type { AcceptedSpelling } from '../checks/types';
import { positionAt } from '../model/lines';
import { version } from '../../../package.json';
import { CLAIM_STATUSES, REPORT_SCHEMA, type AcceptedSpellingUse, type ClaimStatus, type Report, type ReportClaim, type ReportFinding, type ReportInput, type ReportPassage, type ReportSource } from './model';

/** Passages listed per claim; the counts and variants cover every source. */
const MAX_PASSAGES = 8;
const CONFLICT_RULES = new Set<RuleId>(['quote/altered', 'quote/misattributed', 'figure/conflict', 'figure/qualifier', 'date/conflict', 'name/misspelled']);

export const ENGINE = `corroborate ${version}`;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A source's hash, once per loaded source (its text does not change while it is loaded). */
const sourceHashes = new WeakMap<SourceDoc, string>();
function sourceHash(source: SourceDoc): string {
  let hash = sourceHashes.get(source);
  if (!hash) sourceHashes.set(source, (hash = sha256(source.text)));
  return hash;
}

interface Passage { start: number; end: number; value: string; agrees: boolean }

/** A claim being gathered: where it is, what to compare, and the findings the rules made on it. */
interface Pending {
  kind: ClaimKind;
  text: string;
  speaker?: string;
  /** Offset in the draft. */
  at: number;
  target?: ComparisonTarget;
  mentions?: number;
  outcomes: FindingOutcome[];
  accepted?: AcceptedSpellingUse;
}

const holds = (span: Span | undefined, offset: number) => !!span && offset >= span.start && offset < Math.max(span.end, span.start + 1);

export function buildReport(corpus: Corpus, text: string, input: ReportInput): Report {
  const run = runChecks(corpus, text, { severities: input.severities, acceptedSpellings: input.acceptedSpellings, dismissals: input.dismissals }, true);
  const byPart = new Map<number, FindingOutcome[]>();
  for (const o of run.outcomes) {
    const list = byPart.get(o.part);
    if (list) list.push(o);
    else byPart.set(o.part, [o]);
  }

  const pending: Pending[] = [];
  const names = new Map<string, Pending>();
  const accepted = acceptedSpellingsOf(input.acceptedSpellings).byWord;
  run.parts.forEach(({ start, result }, index) => {
    const { ctx, analysis } = result;
    const quotes = ctx.quotes.map((m): Pending => ({ kind: 'quote', text: m.claim.words, speaker: m.claim.speaker?.name, at: start + m.claim.span.start, target: { kind: 'quote', match: m }, outcomes: [] }));
    const figures = ctx.figures.map((m): Pending => ({ kind: 'figure', text: m.claim.text, at: start + m.claim.span.start, target: { kind: 'figure', match: m }, outcomes: [] }));
    const dates = ctx.dates.map((m): Pending => ({ kind: 'date', text: m.claim.text, at: start + m.claim.span.start, target: { kind: 'date', match: m }, outcomes: [] }));
    const here: Pending[] = [...quotes, ...figures, ...dates];
    const outcomes = byPart.get(index) ?? [];
    // Each finding belongs to the claim it marks (a quote's findings may mark its speaker).
    for (const o of outcomes) {
      const at = o.raw.start;
      const family = o.raw.rule.split('/')[0];
      let owner: Pending | undefined;
      if (family === 'figure' || family === 'sources') owner = figures[ctx.figures.findIndex((m) => holds(m.claim.span, at))];
      if (!owner && (family === 'date' || family === 'sources')) owner = dates[ctx.dates.findIndex((m) => holds(m.claim.span, at))];
      if (!owner && (family === 'quote' || family === 'sources')) owner = quotes[ctx.quotes.findIndex((m) => holds(m.claim.span, at) || holds(m.claim.speaker?.span, at))];
      if (owner) owner.outcomes.push(o);
    }
    pending.push(...here);
    // Names: the words name/misspelled looks at, once per spelling.
    analysis.names.forEach((runs, s) => {
      if (isHeadline(analysis.sentences[s].text)) return;
      for (const word of runs.flatMap((r) => r.words)) {
        const lower = word.text.toLowerCase().replace(/[’']s$/, '');
        if (lower.length < 4 || /\d/.test(lower)) continue;
        const mine = outcomes.filter((o) => o.raw.rule === 'name/misspelled' && holds(word, o.raw.start));
        // A word the sources use, but never as a name, is not a name ("Officials" opening a sentence).
        if (!mine.length && !corpus.index.nameRefs.has(lower) && corpus.index.vocabulary.has(lower)) continue;
        const known = names.get(lower);
        if (known) {
          known.mentions!++;
          known.outcomes.push(...mine);
          continue;
        }
        const house = mine.length ? undefined : acceptedUse(lower, accepted.get(lower), corpus);
        const spelling = mine[0]?.finding.suggestions[0] ?? house?.sources ?? word.text;
        // An accepted spelling is compared as the sources' form, which it stands for.
        const target: ComparisonTarget = { kind: 'name', text: house ? house.sources : lower, spelling };
        const entry: Pending = { kind: 'name', text: word.text.replace(/[’']s$/, ''), at: start + word.start, target, mentions: 1, outcomes: mine, ...(house ? { accepted: house } : {}) };
        names.set(lower, entry);
        pending.push(entry);
      }
    });
  });
  // Findings on no claim the report lists still appear, on their own.
  const owned = new Set(pending.flatMap((p) => p.outcomes));
  for (const o of run.outcomes) {
    if (owned.has(o)) continue;
    const kind: ClaimKind = o.raw.rule.startsWith('figure') ? 'figure' : o.raw.rule.startsWith('date') ? 'date' : o.raw.rule.startsWith('name') ? 'name' : 'quote';
    const at = run.parts[o.part].start + o.raw.start;
    pending.push({ kind, text: text.slice(at, run.parts[o.part].start + o.raw.end), at, outcomes: [o] });
  }
  pending.sort((a, b) => a.at - b.at);

  const sources = new Map<number, ReportSource>();
  const sourceOf = (doc: number): number => {
    let entry = sources.get(doc);
    if (!entry) {
      const s = corpus.sources[doc];
      entry = { id: -1, path: input.displayPath?.(s.info.path) ?? s.info.path, title: s.info.title, outlet: s.info.outlet, date: s.info.date?.iso, dateHow: s.info.date?.how, claims: 0, sha256: sourceHash(s) };
      sources.set(doc, entry);
    }
    return doc;
  };
  const docByPath = new Map(corpus.sources.map((s) => [s.info.path, s.id]));
  const evidenceOf = (e: Evidence): ReportPassage => {
    const doc = docByPath.get(e.source);
    return { source: doc === undefined ? -1 : sourceOf(doc), line: e.range.start.line + 1, excerpt: e.excerpt };
  };

  const claims: ReportClaim[] = pending.map((p, i) => {
    const byDoc = new Map<number, Passage[]>();
    if (p.target) {
      compareClaim(corpus, p.target, (doc, start, end, value, agrees) => {
        const list = byDoc.get(doc) ?? [];
        if (!list.some((x) => x.value === value && x.agrees === agrees)) list.push({ start, end, value, agrees });
        byDoc.set(doc, list);
      });
    }
    const { stating, agreeing, variants } = countPassages(byDoc);
    for (const doc of byDoc.keys()) sources.get(sourceOf(doc))!.claims++;
    const position = positionAt(run.lineStarts, p.at);
    const findings = p.outcomes.map((o): ReportFinding => ({
      rule: o.finding.rule,
      severity: o.finding.severity,
      message: o.finding.message,
      suggestions: o.finding.suggestions,
      line: o.finding.range.start.line + 1,
      column: o.finding.range.start.character + 1,
      ...(o.shown === 'shown' ? {} : { hidden: o.shown }),
      evidence: o.finding.evidence.map(evidenceOf),
    }));
    const { status, note, dismissal } = p.accepted && !p.outcomes.length ? { status: 'accepted' as const, note: undefined, dismissal: undefined } : statusOf(p.outcomes, stating, agreeing);
    const agreeingValues = new Set<string>();
    for (const list of byDoc.values()) for (const x of list) if (x.agrees) agreeingValues.add(x.value);
    return {
      id: i + 1,
      kind: p.kind,
      text: p.text,
      ...(p.speaker ? { speaker: p.speaker } : {}),
      line: position.line + 1,
      column: position.character + 1,
      ...(p.mentions !== undefined ? { mentions: p.mentions } : {}),
      status,
      stating,
      agreeing,
      variants: variants.map((v) => ({ ...v, agrees: agreeingValues.has(v.value) })),
      passages: shownPassages(byDoc).map(({ doc, passage }) => {
        const e = passageOf(corpus, { doc, start: passage.start, end: passage.end });
        return { source: doc, line: e.range.start.line + 1, excerpt: e.excerpt, value: passage.value, agrees: passage.agrees };
      }),
      findings,
      ...(status === 'dismissed' ? { dismissed: dismissal ? { reason: dismissal.reason, by: dismissal.by, at: dismissal.at } : { reason: 'ignore comment' } } : {}),
      ...(status === 'accepted' ? { accepted: p.accepted } : {}),
      ...(note ? { note } : {}),
    };
  });

  // Sources in corpus order, numbered; passages and evidence point at them by number.
  const listed = [...sources.entries()].filter(([doc]) => doc >= 0).sort((a, b) => a[0] - b[0]);
  const ids = new Map(listed.map(([doc], id) => [doc, id]));
  for (const [doc, s] of listed) s.id = ids.get(doc)!;
  const renumber = (x: { source: number }) => (x.source = ids.get(x.source) ?? -1);
  for (const c of claims) {
    c.passages.forEach(renumber);
    for (const f of c.findings) f.evidence.forEach(renumber);
  }

  const summary = { claims: claims.length } as Report['summary'];
  for (const status of CLAIM_STATUSES) summary[status] = claims.filter((c) => c.status === status).length;
  const corpusLines = corpus.sources.map((s) => `${sourceHash(s)}  ${s.info.path}\n`).sort();
  return {
    schema: REPORT_SCHEMA,
    draft: { name: input.draftName, words: (text.match(/[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*/gu) ?? []).length },
    summary,
    claims,
    sources: listed.map(([, s]) => s),
    corpus: { roots: corpus.roots.map((r) => input.displayPath?.(r) ?? r), sources: corpus.sources.length, problems: corpus.problems.map((p) => ({ path: input.displayPath?.(p.path) ?? p.path, reason: p.reason })) },
    audit: {
      draftSha256: sha256(text),
      corpusSha256: sha256(corpusLines.join('')),
      engine: ENGINE,
      exportedBy: input.exportedBy,
      exportedAt: input.exportedAt ?? new Date().toISOString(),
    },
  };
}

/** The claim's status from the findings on it (as the diagnostics decided) and, without any, the sources' counts. */
function statusOf(outcomes: FindingOutcome[], stating: number, agreeing: number): { status: ClaimStatus; note?: string; dismissal?: FindingOutcome['dismissal'] } {
  // A repeat stands as its first mention does.
  const effective = outcomes.map((o) => (o.shown === 'repeat' ? { rule: o.finding.rule, shown: o.first?.shown ?? 'shown' } : { rule: o.finding.rule, shown: o.shown }));
  const active = effective.filter((o) => o.shown === 'shown');
  const repeat = outcomes.find((o) => o.shown === 'repeat' && o.first);
  const note = repeat ? `Repeats a fact first reported at line ${repeat.first!.finding.range.start.line + 1}.` : undefined;
  if (active.some((o) => CONFLICT_RULES.has(o.rule))) return { status: 'conflicts', note };
  if (active.some((o) => o.rule === 'sources/disagree')) return { status: 'disputed', note };
  if (active.length) return { status: 'unverified', note };
  // A recorded dismissal (with its reason and who) says more than an ignore comment.
  if (effective.length) return { status: 'dismissed', note, dismissal: outcomes.find((o) => o.dismissal)?.dismissal };
  if (agreeing > 0) return { status: 'agrees' };
  return { status: 'unverified', note: stating ? `${stating} source${stating === 1 ? '' : 's'} mention it; none states it as the draft does.` : undefined };
}

/**
 * A name the draft spells in one accepted form where the sources use only another of the same house spelling: the
 * house form and the sources' most used form. Undefined when the sources use the draft's own form (it then agrees).
 */
function acceptedUse(lower: string, entry: AcceptedSpelling | undefined, corpus: Corpus): AcceptedSpellingUse | undefined {
  if (!entry || corpus.index.nameRefs.has(lower)) return undefined;
  let best: string | undefined;
  for (const form of [entry.house, ...entry.variants]) {
    const count = corpus.index.nameRefs.get(form.toLowerCase())?.length ?? 0;
    if (count > 0 && form.toLowerCase() !== lower && (!best || count > (corpus.index.nameRefs.get(best.toLowerCase())?.length ?? 0))) best = form;
  }
  return best ? { house: entry.house, sources: best } : undefined;
}

/** Up to MAX_PASSAGES passages: one for each distinct value first (so every wording is shown), then the rest. */
function shownPassages(byDoc: Map<number, Passage[]>): Array<{ doc: number; passage: Passage }> {
  const all = [...byDoc.entries()].sort((a, b) => a[0] - b[0]).flatMap(([doc, list]) => list.map((passage) => ({ doc, passage })));
  const seen = new Set<string>();
  const first = all.filter((x) => !seen.has(x.passage.value) && !!seen.add(x.passage.value));
  const chosen = new Set(first.slice(0, MAX_PASSAGES));
  for (const x of all) if (chosen.size < MAX_PASSAGES) chosen.add(x);
  return [...chosen];
}
