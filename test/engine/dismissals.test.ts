// Dismissals with a reason: a fingerprint of the rule, the flagged text and its sentence; runChecks keeps dismissed
// findings out of the diagnostics (and in the outcomes, for the report and the hover); the project's file.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkText, describeClaimAt, dismissalTarget, lineStartsOf, offsetAt, type Dismissal, type Finding } from '../../server/src/engine';
import { runChecks } from '../../server/src/engine/check';
import { buildReport, renderReport } from '../../server/src/report';
import { appendDismissal, dismissalsLocation, draftDismissals, draftKey, readDismissals } from '../../server/src/dismissals/file';
import { corpusOf } from './helpers';

const GAZETTE = `---
title: Orlen dam gives way
date: 2025-06-10
outlet: Lakeside Gazette
---

The Orlen dam gave way on Monday, flooding 210 homes in Pellbrook, the county said.

Rescue teams evacuated 95 people from the lower valley, sheriff Dana Corvell said.
`;
const HERALD = `---
title: Pellbrook floods
date: 2025-06-10
outlet: Valley Herald
---

The Orlen dam gave way on Monday, flooding 210 homes in Pellbrook, the county said.

Rescue teams evacuated 95 people from the lower valley, sheriff Dana Corvell said.
`;
const corpus = corpusOf([GAZETTE, HERALD]);
const CLAIM = 'The Orlen dam gave way on Monday, flooding 260 homes in Pellbrook, the county said.';
const DRAFT = `# Pellbrook under water\n\n${CLAIM}\n\nRescue teams evacuated 95 people from the lower valley, sheriff Dana Corvell said.\n`;

const conflictsOn = (findings: Finding[], text: string, needle: string) =>
  findings.filter((f) => f.rule === 'figure/conflict' && text.slice(offsetAt(lineStartsOf(text), f.range.start), offsetAt(lineStartsOf(text), f.range.end)).includes(needle));

/** A dismissal of the figure/conflict on `needle` (its `occurrence`-th finding) as the LSP command records it. */
function dismiss(text: string, needle = '260 homes', occurrence = 0): Dismissal {
  const finding = conflictsOn(checkText(corpus, text), text, needle)[occurrence];
  assert.ok(finding, `a figure/conflict on ${needle}`);
  const target = dismissalTarget(corpus, text, 'figure/conflict', finding.range);
  assert.ok(target);
  return { draft: 'drafts/pellbrook.md', rule: 'figure/conflict', ...target, reason: 'The county revised its count after the wires ran.', by: 'Mira Tolland <mira@example.org>', at: '2025-06-11T08:30:00.000Z' };
}

describe('dismissal fingerprints', () => {
  const dismissal = dismiss(DRAFT);

  it('records the flagged text and hides the finding, leaving the others', () => {
    assert.equal(dismissal.claim, '260 homes');
    assert.match(dismissal.fingerprint, /^[0-9a-f]{64}$/);
    const before = checkText(corpus, DRAFT);
    const after = checkText(corpus, DRAFT, { dismissals: [dismissal] });
    assert.equal(conflictsOn(after, DRAFT, '260 homes').length, 0);
    assert.equal(after.length, before.length - 1);
  });

  it('survives edits elsewhere in the draft and re-wrapping of its own sentence', () => {
    const edited = `# Pellbrook under water, day two\n\nA new opening paragraph written later.\n\n${CLAIM}\n\nRescue teams evacuated 95 people from the valley floor, sheriff Dana Corvell said.\n`;
    assert.equal(conflictsOn(checkText(corpus, edited), edited, '260 homes').length, 1, 'flagged without the dismissal');
    assert.equal(conflictsOn(checkText(corpus, edited, { dismissals: [dismissal] }), edited, '260 homes').length, 0);
    const rewrapped = DRAFT.replace('flooding 260 homes in Pellbrook,', 'flooding 260 homes\nin Pellbrook,  ');
    assert.equal(conflictsOn(checkText(corpus, rewrapped, { dismissals: [dismissal] }), rewrapped, '260 homes').length, 0);
  });

  it('stops applying when the claim or its sentence changes', () => {
    const sentence = DRAFT.replace('the county said', 'county officials said');
    assert.equal(conflictsOn(checkText(corpus, sentence, { dismissals: [dismissal] }), sentence, '260 homes').length, 1);
    const figure = DRAFT.replace('260 homes', '270 homes');
    assert.equal(conflictsOn(checkText(corpus, figure, { dismissals: [dismissal] }), figure, '270 homes').length, 1);
    const otherRule = { ...dismissal, fingerprint: dismissal.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    assert.equal(conflictsOn(checkText(corpus, DRAFT, { dismissals: [otherRule] }), DRAFT, '260 homes').length, 1);
  });

  it('does not dismiss the same words in another sentence', () => {
    const twice = `${DRAFT}\nOfficials repeated that the Orlen dam gave way, flooding 260 homes in Pellbrook.\n`;
    assert.equal(conflictsOn(checkText(corpus, twice), twice, '260 homes').length, 2);
    const shown = conflictsOn(checkText(corpus, twice, { dismissals: [dismiss(twice)] }), twice, '260 homes');
    assert.equal(shown.length, 1);
    assert.ok(shown[0].range.start.line > 2, 'the other sentence’s mention is still shown');
  });

  it('keeps the dismissed finding as an outcome with its dismissal', () => {
    const run = runChecks(corpus, DRAFT, { dismissals: [dismissal] }, true);
    const outcome = run.outcomes.find((o) => o.shown === 'dismissed');
    assert.ok(outcome);
    assert.equal(outcome.dismissal, dismissal);
    assert.ok(!run.findings.includes(outcome.finding));
  });

  it('leaves the ignore comment working for one-off use', () => {
    const commented = DRAFT.replace(CLAIM, `<!-- corroborate-disable-next-line figure/conflict -->\n${CLAIM}`);
    assert.equal(conflictsOn(checkText(corpus, commented), commented, '260 homes').length, 0);
    const run = runChecks(corpus, commented, { dismissals: [dismissal] }, true);
    assert.deepEqual(run.outcomes.filter((o) => o.raw.rule === 'figure/conflict').map((o) => o.shown), ['ignore comment']);
  });

  it('lets the hover say who dismissed it and why', () => {
    const at = DRAFT.indexOf('260 homes') + 1;
    const comparison = describeClaimAt(corpus, DRAFT, at, { dismissals: [dismissal] });
    assert.ok(comparison?.dismissed?.length);
    assert.equal(comparison.dismissed[0].dismissal.reason, dismissal.reason);
    assert.ok(!comparison.findings.some((f) => f.rule === 'figure/conflict'));
    assert.equal(describeClaimAt(corpus, DRAFT, at)?.dismissed, undefined);
  });

  it('lists the claim as dismissed in the report, with reason, who and when', () => {
    const report = buildReport(corpus, DRAFT, { draftName: 'drafts/pellbrook.md', exportedBy: 'Mira Tolland', exportedAt: '2025-06-11T09:00:00.000Z', dismissals: [dismissal] });
    const homes = report.claims.find((c) => c.text === '260 homes');
    assert.equal(homes?.status, 'dismissed');
    assert.deepEqual(homes.dismissed, { reason: dismissal.reason, by: dismissal.by, at: dismissal.at });
    assert.equal(homes.findings[0].hidden, 'dismissed');
    assert.equal(report.summary.dismissed, 1);
    const md = renderReport(report, 'md');
    assert.ok(md.includes('Dismissed: The county revised its count after the wires ran., by Mira Tolland \\<mira@example.org\\> on 2025-06-11T08:30:00.000Z'), md);
    assert.match(renderReport(report, 'html'), /Dismissed: <bdi>The county revised/);
  });
});

describe('the dismissals file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-dismissals-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const entry: Dismissal = { draft: 'drafts/a.md', rule: 'date/conflict', claim: 'Monday', fingerprint: 'ab'.repeat(32), reason: 'Local time.', by: 'Rafe Ostby', at: '2025-06-11T08:30:00.000Z' };

  it('lives under .corroborate/ in the folder of the nearest corroborate.json, else the fallback folder', () => {
    const project = join(dir, 'newsroom');
    mkdirSync(join(project, 'drafts', 'june'), { recursive: true });
    const draft = join(project, 'drafts', 'june', 'a.md');
    assert.deepEqual(dismissalsLocation(draft, dir), { root: dir, file: join(dir, '.corroborate', 'dismissals.json') });
    writeFileSync(join(project, 'corroborate.json'), '{ "sources": ["wire"] }');
    assert.deepEqual(dismissalsLocation(draft, dir), { root: project, file: join(project, '.corroborate', 'dismissals.json') });
    writeFileSync(join(project, 'corroborate.json'), '{ "dismissals": "review/dismissed.json" }');
    assert.deepEqual(dismissalsLocation(draft, dir), { root: project, file: join(project, 'review', 'dismissed.json') });
    writeFileSync(join(project, 'corroborate.json'), '{ "dismissals": ');
    const broken = dismissalsLocation(draft, dir);
    assert.equal(broken.file, join(project, '.corroborate', 'dismissals.json'));
    assert.match(broken.problem ?? '', /corroborate\.json/);
    assert.equal(draftKey(project, draft), 'drafts/june/a.md');
  });

  it('appends, creating the folder, and keeps what it does not understand', () => {
    const file = join(dir, 'one', '.corroborate', 'dismissals.json');
    assert.deepEqual(readDismissals(file), { dismissals: [] });
    appendDismissal(file, entry);
    assert.deepEqual(readDismissals(file).dismissals, [entry]);
    const withExtra = JSON.parse(readFileSync(file, 'utf8'));
    withExtra.note = 'reviewed weekly';
    withExtra.dismissals.push({ draft: 'x.md', rule: 'not/a-rule' });
    writeFileSync(file, JSON.stringify(withExtra));
    appendDismissal(file, { ...entry, claim: 'Tuesday' });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(saved.note, 'reviewed weekly');
    assert.equal(saved.dismissals.length, 3);
    assert.deepEqual(readDismissals(file).dismissals.map((d) => d.claim), ['Monday', 'Tuesday']);
  });

  it('never overwrites a file it cannot parse, and says why', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "version": 1, "dismissals": [ { "draft": ');
    const read = readDismissals(file);
    assert.deepEqual(read.dismissals, []);
    assert.match(read.problem ?? '', /bad\.json is not valid JSON/);
    assert.throws(() => appendDismissal(file, entry), /not valid JSON.*Nothing was written/);
    assert.equal(readFileSync(file, 'utf8'), '{ "version": 1, "dismissals": [ { "draft": ');
  });

  it('gives a draft only its own dismissals', () => {
    const project = join(dir, 'two');
    mkdirSync(join(project, 'drafts'), { recursive: true });
    writeFileSync(join(project, 'corroborate.json'), '{}');
    appendDismissal(join(project, '.corroborate', 'dismissals.json'), entry);
    appendDismissal(join(project, '.corroborate', 'dismissals.json'), { ...entry, draft: 'drafts/b.md' });
    const mine = draftDismissals(join(project, 'drafts', 'a.md'), dir);
    assert.deepEqual(mine, { dismissals: [entry], problems: [] });
  });
});
