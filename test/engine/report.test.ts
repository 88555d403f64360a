// The sign-off report: every claim with the status the diagnostics and hovers give it, the sources consulted, an
// audit trail, and renderers that cannot be made to run or load anything.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { checkText, describeClaimAt, lineStartsOf, offsetAt } from '../../server/src/engine';
import { buildReport, renderReport, REPORT_HEADING as SERVER_HEADING, type Report, type ReportClaim } from '../../server/src/report';
import { REPORT_HEADING, isReport } from '../../client/src/report';
import { corpusOf } from './helpers';

const HARBOUR = `---
title: Maren floods Varnhollow
date: 2025-03-04
outlet: Harbour Gazette
---

The river Maren burst its banks on Sunday, flooding 340 homes in Varnhollow, the council said.

Mayor Talia Brennick said the town would "rebuild every street, house by house" once the water receded.

Emergency crews rescued 57 people from rooftops overnight, fire chief Oskar Lindqvale said.

The last comparable flood struck the valley in 1998, records show.
`;
const COURIER = `---
title: Varnhollow counts the cost
date: 2025-03-04
outlet: Valley Courier
---

The river Maren burst its banks on Sunday, flooding 340 homes in Varnhollow, the council said.

Mayor Talia Brennick said the town would "rebuild every street, house by house" once the water receded.

Emergency crews rescued 61 people from rooftops overnight, fire chief Oskar Lindqvale said.
`;
const WIRE = `---
title: <script>alert(1)</script> Flood "update" & more
date: 2025-03-05
outlet: Northern Wire
---

Emergency crews rescued 57 people from rooftops overnight, fire chief Oskar Lindqvale said.

The last comparable flood struck the valley in 1998, records show.
`;
const DRAFT = `# Varnhollow under water

The river Maren burst its banks on Sunday, flooding 430 homes in Varnhollow, the council said.

Mayor Talia Brennick said the town would "rebuild every road, house by house" once the water receded.

Emergency crews rescued 57 people from rooftops overnight, fire chief Oskar Lindqvale said.

The last comparable flood struck the valley in 1998, records show.

"We have never seen water like this," said resident Petra Quill.

Volunteers from three villages joined chief Lindqvalle on the embankment.
`;
const corpus = corpusOf([HARBOUR, COURIER, WIRE]);
const input = { draftName: 'drafts/flood.md', exportedBy: 'Ines Marlow <ines@example.org>', exportedAt: '2025-03-05T09:00:00.000Z' };

const claim = (r: Report, kind: ReportClaim['kind'], text: string) => {
  const found = r.claims.find((c) => c.kind === kind && c.text === text);
  assert.ok(found, `a ${kind} claim "${text}" in ${JSON.stringify(r.claims.map((c) => `${c.kind}:${c.text}`))}`);
  return found;
};

describe('the sign-off report', () => {
  const report = buildReport(corpus, DRAFT, input);

  it('gives each claim its status, with the counts the hover shows', () => {
    const homes = claim(report, 'figure', '430 homes');
    assert.equal(homes.status, 'conflicts');
    assert.deepEqual([homes.agreeing, homes.stating], [0, 2]);
    assert.equal(homes.findings[0].rule, 'figure/conflict');
    assert.ok(homes.findings[0].evidence.every((e) => /340 homes/.test(e.excerpt)), 'the sources’ wording is quoted');

    const quote = claim(report, 'quote', 'rebuild every road, house by house');
    assert.equal(quote.status, 'conflicts');
    assert.equal(quote.speaker, 'Talia Brennick');
    assert.ok(quote.findings.some((f) => f.rule === 'quote/altered'));

    const rescued = claim(report, 'figure', '57 people');
    assert.equal(rescued.status, 'disputed');
    assert.deepEqual([rescued.agreeing, rescued.stating], [2, 3]);
    assert.deepEqual(rescued.variants.map((v) => [v.value, v.sources, v.agrees]), [['57 people', 2, true], ['61 people', 1, false]]);

    const year = claim(report, 'date', '1998');
    assert.equal(year.status, 'agrees');
    assert.deepEqual([year.agreeing, year.stating], [2, 2]);
    assert.equal(year.findings.length, 0);

    const unsourced = claim(report, 'quote', 'We have never seen water like this');
    assert.equal(unsourced.status, 'unverified');
    assert.equal(unsourced.stating, 0);

    const mayor = claim(report, 'name', 'Brennick');
    assert.equal(mayor.status, 'agrees');
    const misspelt = claim(report, 'name', 'Lindqvalle');
    assert.equal(misspelt.status, 'conflicts');
    assert.deepEqual(misspelt.findings[0].suggestions, ['Lindqvale']);
    const resident = claim(report, 'name', 'Quill');
    assert.equal(resident.status, 'unverified');

    const s = report.summary;
    assert.equal(s.claims, report.claims.length);
    assert.equal(s.agrees + s.conflicts + s.disputed + s.unverified + s.dismissed, s.claims);
  });

  it('agrees with the diagnostics and the hover: every warning is a conflict, nothing agreeing has a finding', () => {
    const findings = checkText(corpus, DRAFT);
    assert.ok(findings.length >= 3);
    const starts = lineStartsOf(DRAFT);
    for (const f of findings) {
      const line = f.range.start.line + 1;
      const on = report.claims.filter((c) => c.findings.some((x) => x.rule === f.rule && x.line === line && x.column === f.range.start.character + 1 && !x.hidden));
      assert.equal(on.length, 1, `${f.rule} at line ${line} is on one claim`);
      if (f.severity === 'warning') assert.equal(on[0].status, 'conflicts', `${f.rule} at line ${line}`);
    }
    for (const c of report.claims) {
      if (c.status !== 'agrees') continue;
      assert.equal(c.findings.length, 0);
      const offset = offsetAt(starts, { line: c.line - 1, character: c.column - 1 });
      assert.ok(!findings.some((f) => offsetAt(starts, f.range.start) <= offset && offset < offsetAt(starts, f.range.end)), `${c.text} agrees and has no finding`);
    }
    // Counts are the hover's own.
    for (const c of report.claims.filter((x) => x.kind === 'figure' || x.kind === 'date')) {
      const hover = describeClaimAt(corpus, DRAFT, offsetAt(starts, { line: c.line - 1, character: c.column - 1 }));
      assert.deepEqual([hover?.agreeing, hover?.stating], [c.agreeing, c.stating], c.text);
    }
  });

  it('honours the project\'s accepted spellings as the diagnostics do', () => {
    const acceptedSpellings = { Lindqvalle: ['Lindqvale'] };
    assert.ok(!checkText(corpus, DRAFT, { acceptedSpellings }).some((f) => f.rule === 'name/misspelled'));
    const accepted = claim(buildReport(corpus, DRAFT, { ...input, acceptedSpellings }), 'name', 'Lindqvalle');
    assert.notEqual(accepted.status, 'conflicts');
    assert.ok(!accepted.findings.some((f) => f.rule === 'name/misspelled' && !f.hidden));
  });

  it('says a name in an accepted spelling is house style, naming the house form and the sources\' form', () => {
    const report = buildReport(corpus, DRAFT, { ...input, acceptedSpellings: { Lindqvalle: ['Lindqvale'] } });
    const accepted = claim(report, 'name', 'Lindqvalle');
    assert.equal(accepted.status, 'accepted');
    assert.deepEqual(accepted.accepted, { house: 'Lindqvalle', sources: 'Lindqvale' });
    assert.deepEqual([accepted.agreeing, accepted.stating], [3, 3], 'the sources using the accepted variant back it');
    assert.equal(report.summary.accepted, 1);
    assert.equal(claim(report, 'name', 'Lindqvale').status, 'agrees', 'the sources\' own form still agrees');
    const json = JSON.parse(renderReport(report, 'json')) as Report;
    assert.deepEqual(json.claims.find((c) => c.text === 'Lindqvalle')?.accepted, { house: 'Lindqvalle', sources: 'Lindqvale' });
    const md = renderReport(report, 'md');
    assert.match(md, /\| Lindqvalle \| accepted spelling: House spelling “Lindqvalle” \(accepted in corroborate\.json\); the sources write “Lindqvale”\. 3 of 3 \|/);
    assert.doesNotMatch(md.split('## Claims that agree')[0], /Lindqvalle/, 'not among the claims to review');
    assert.match(md, /1 in an accepted spelling/);
    const html = renderReport(report, 'html');
    assert.match(html, /<td class="status accepted">accepted spelling<\/td>/);
    assert.match(html, /House spelling “Lindqvalle” \(accepted in corroborate\.json\); the sources write “Lindqvale”\./);
    // Without the accepted spelling the same name is a misspelling, not house style.
    assert.equal(claim(buildReport(corpus, DRAFT, input), 'name', 'Lindqvalle').status, 'conflicts');
  });

  it('reports a finding hidden by an ignore comment as dismissed', () => {
    const ignored = DRAFT.replace('The river Maren', '<!-- corroborate-disable-next-line figure/conflict -->\nThe river Maren');
    assert.ok(!checkText(corpus, ignored).some((f) => f.rule === 'figure/conflict'));
    const homes = claim(buildReport(corpus, ignored, input), 'figure', '430 homes');
    assert.equal(homes.status, 'dismissed');
    assert.deepEqual(homes.dismissed, { reason: 'ignore comment' });
    assert.equal(homes.findings[0].hidden, 'ignore comment');
  });

  it('lists the sources consulted with dates and outlets, and an audit trail of hashes', () => {
    assert.deepEqual(report.sources.map((s) => [s.outlet, s.date]), [['Harbour Gazette', '2025-03-04'], ['Valley Courier', '2025-03-04'], ['Northern Wire', '2025-03-05']]);
    const hash = (t: string) => createHash('sha256').update(t).digest('hex');
    assert.deepEqual(report.sources.map((s) => s.sha256), [HARBOUR, COURIER, WIRE].map(hash));
    assert.equal(report.audit.draftSha256, hash(DRAFT));
    assert.match(report.audit.engine, /^corroborate \d+\.\d+\.\d+/);
    assert.equal(report.audit.exportedBy, input.exportedBy);
    assert.equal(report.audit.exportedAt, input.exportedAt);
    const edited = buildReport(corpusOf([HARBOUR, COURIER, WIRE.replace('1998', '1997')]), DRAFT, input);
    assert.notEqual(edited.audit.corpusSha256, report.audit.corpusSha256);
    // Every passage and piece of evidence points at a listed source.
    for (const c of report.claims) for (const p of [...c.passages, ...c.findings.flatMap((f) => f.evidence)]) assert.ok(report.sources[p.source], c.text);
  });

  it('renders HTML that runs nothing, loads nothing and escapes the sources', () => {
    const html = renderReport(report, 'html');
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/\b(src|href)=/i.test(html), 'no remote content');
    assert.match(html, /<bdi>&lt;script&gt;alert\(1\)&lt;\/script&gt; Flood &quot;update&quot; &amp; more<\/bdi>/);
    assert.match(html, /@media print/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const hostile = buildReport(corpus, DRAFT, { ...input, draftName: 'a\u202Eevil</title><img src=x>.md' });
    const text = renderReport(hostile, 'html');
    assert.ok(!text.includes('\u202E') && !text.includes('<img'), 'bidi controls shown as escapes, tags escaped');
  });

  it('renders Markdown the client recognises as a report, and JSON of the documented shape', () => {
    const md = renderReport(report, 'md');
    assert.equal(SERVER_HEADING, REPORT_HEADING);
    assert.ok(isReport(md));
    assert.ok(md.startsWith('# Fact-check report: drafts/flood.md\n'));
    assert.match(md, /## Claims to review/);
    assert.match(md, /\\<script\\>alert\(1\)\\<\/script\\>/);
    assert.ok(!md.includes('<script>'));
    const json = JSON.parse(renderReport(report, 'json'));
    assert.equal(json.schema, 'corroborate-report/1');
    assert.deepEqual(json, JSON.parse(JSON.stringify(report)));
  });
});
