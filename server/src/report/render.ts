// The report as people read it: self-contained printable HTML, Markdown, or the JSON of report/model.ts.
// Every string from the draft, the sources or the adapter is untrusted: control and bidi characters are shown as
// escapes, HTML is escaped and isolated in <bdi>, Markdown is escaped.
import { visibleLine } from '../text/visible';
import type { ClaimStatus, Report, ReportClaim, ReportFinding, ReportFormat, ReportPassage } from './model';

export const REPORT_HEADING = '# Fact-check report: ';

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  return format === 'html' ? renderHtml(report) : renderMarkdown(report);
}

const STATUS_LABEL: Record<ClaimStatus, string> = {
  agrees: 'agrees',
  conflicts: 'conflicts',
  disputed: 'sources disagree',
  unverified: 'unverified',
  dismissed: 'dismissed',
  accepted: 'accepted spelling',
};

/** "House spelling “Zelenskyy”; the sources write “Zelensky”." */
function acceptedText(c: ReportClaim): string {
  return c.accepted ? `House spelling “${c.accepted.house}” (accepted in corroborate.json); the sources write “${c.accepted.sources}”.` : '';
}

/** "3 of 4 sources agree" and the like: the claim's counts in words. */
export function countsText(c: ReportClaim): string {
  if (!c.stating) return 'no source states it';
  return `${c.agreeing} of ${c.stating} source${c.stating === 1 ? '' : 's'} that state it agree${c.agreeing === 1 && c.stating === 1 ? 's' : ''}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryText(r: Report): string {
  const s = r.summary;
  const parts = [`${s.conflicts} conflicting`, `${s.disputed} where sources disagree`, `${s.unverified} unverified`, `${s.dismissed} dismissed`, ...(s.accepted ? [`${s.accepted} in an accepted spelling`] : []), `${s.agrees} agreeing`];
  return `${plural(s.claims, 'claim')} checked: ${parts.join(', ')}.`;
}

const needsAttention = (c: ReportClaim) => c.status !== 'agrees' && c.status !== 'accepted';

// ---- Markdown ----

/** Escapes Markdown so that draft and corpus text shows as written (and any HTML in it as text). */
export function mdEscape(text: string): string {
  return visibleLine(text)
    .replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([=+-]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d*)(.)$/, '$1\\$2')}`);
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const one = visibleLine(text);
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

function renderMarkdown(r: Report): string {
  const out: string[] = [];
  const sourceName = (id: number) => {
    const s = r.sources[id];
    return s ? `${mdEscape(s.title)}${s.outlet ? ` (${mdEscape(s.outlet)})` : ''}` : 'a source';
  };
  const passage = (p: ReportPassage) => `${sourceName(p.source)}, line ${p.line}: “${mdEscape(p.excerpt)}”`;
  out.push(`${REPORT_HEADING}${mdEscape(r.draft.name)}`, '');
  out.push(`Checked by ${mdEscape(r.audit.engine)} on ${mdEscape(r.audit.exportedAt)} for ${mdEscape(r.audit.exportedBy)}, against ${plural(r.corpus.sources, 'source')} (${r.sources.length} state a claim of the draft).`, '');
  out.push(`**${summaryText(r)}**`, '');
  const attention = r.claims.filter(needsAttention);
  if (attention.length) {
    out.push('## Claims to review', '');
    for (const c of attention) {
      out.push(`### ${c.id}. Line ${c.line}: ${c.kind}, ${STATUS_LABEL[c.status]}`, '');
      out.push(`> ${mdEscape(c.text)}${c.speaker ? ` (${mdEscape(c.speaker)})` : ''}`, '');
      out.push(`${countsText(c)}.${c.note ? ` ${mdEscape(c.note)}` : ''}`, '');
      if (c.dismissed) out.push(`Dismissed: ${mdEscape(c.dismissed.reason)}${c.dismissed.by ? `, by ${mdEscape(c.dismissed.by)}` : ''}${c.dismissed.at ? ` on ${mdEscape(c.dismissed.at)}` : ''}.`, '');
      for (const f of c.findings) {
        out.push(`- ${code(f.rule)} (${f.severity}${f.hidden ? `, hidden: ${f.hidden}` : ''}): ${mdEscape(f.message)}`);
        for (const e of f.evidence) out.push(`  - ${passage(e)}`);
      }
      if (c.findings.length) out.push('');
      if (c.variants.length > 1 || (c.variants.length && !c.findings.length)) {
        out.push(`Sources give: ${c.variants.map((v) => `“${mdEscape(v.value)}” (${plural(v.sources, 'source')})`).join(', ')}.`, '');
      }
    }
  }
  const agreeing = r.claims.filter((c) => !needsAttention(c));
  if (agreeing.length) {
    out.push('## Claims that agree with the sources', '', '| # | Line | Kind | Claim | Sources |', '| ---: | ---: | --- | --- | --- |');
    for (const c of agreeing) {
      const sources = c.accepted ? `${STATUS_LABEL.accepted}: ${mdEscape(acceptedText(c))} ${c.agreeing} of ${c.stating}` : `${c.agreeing} of ${c.stating}`;
      out.push(`| ${c.id} | ${c.line} | ${c.kind} | ${mdEscape(c.text)}${c.mentions && c.mentions > 1 ? ` (×${c.mentions})` : ''} | ${sources} |`);
    }
    out.push('');
  }
  out.push('## Sources consulted', '');
  if (r.sources.length) {
    out.push('| # | Source | Outlet | Date | Claims | sha256 |', '| ---: | --- | --- | --- | ---: | --- |');
    for (const s of r.sources) out.push(`| ${s.id + 1} | ${mdEscape(s.title)}<br>${code(s.path)} | ${s.outlet ? mdEscape(s.outlet) : '—'} | ${s.date ? mdEscape(s.date) : 'undated'} | ${s.claims} | ${code(s.sha256)} |`);
  } else out.push('No source states any claim of the draft.');
  out.push('');
  if (r.corpus.problems.length) {
    out.push('Could not be read:', '');
    for (const p of r.corpus.problems) out.push(`- ${code(p.path)}: ${mdEscape(p.reason)}`);
    out.push('');
  }
  out.push('## Audit trail', '');
  out.push(`- Draft: ${code(r.draft.name)}, ${plural(r.draft.words, 'word')}, sha256 ${code(r.audit.draftSha256)}`);
  out.push(`- Corpus: ${plural(r.corpus.sources, 'source')} in ${r.corpus.roots.map(code).join(', ') || 'no folder'}, sha256 ${code(r.audit.corpusSha256)}`);
  out.push(`- Engine: ${mdEscape(r.audit.engine)}`);
  out.push(`- Exported by ${mdEscape(r.audit.exportedBy)} at ${mdEscape(r.audit.exportedAt)}`, '');
  return out.join('\n');
}

// ---- HTML ----

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Untrusted text as HTML: visible controls, escaped, isolated from the surrounding direction. */
export function h(text: string): string {
  return `<bdi>${visibleLine(text).replace(/[&<>"']/g, (c) => ESCAPES[c])}</bdi>`;
}

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #d0d0d0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n { text-align: right; white-space: nowrap; }
code, .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.status { font-weight: 600; white-space: nowrap; }
.conflicts { color: #a40000; } .disputed { color: #8a5a00; } .unverified { color: #555; } .dismissed { color: #555; font-style: italic; } .agrees, .accepted { color: #1d6b2c; }
ul.evidence { margin: .25rem 0 0 1rem; padding: 0; }
blockquote { margin: .2rem 0; padding-left: .6rem; border-left: 3px solid #ccc; color: #333; }
.meta { color: #444; }
@page { margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}`;

function findingHtml(r: Report, f: ReportFinding): string {
  const evidence = f.evidence.map((e) => `<li>${passageHtml(r, e)}</li>`).join('');
  return `<div><code>${h(f.rule)}</code> (${h(f.severity)}${f.hidden ? `, hidden: ${h(f.hidden)}` : ''}): ${h(f.message)}${evidence ? `<ul class="evidence">${evidence}</ul>` : ''}</div>`;
}

function passageHtml(r: Report, p: ReportPassage): string {
  const s = r.sources[p.source];
  const name = s ? `${h(s.title)}${s.outlet ? ` (${h(s.outlet)})` : ''}` : 'a source';
  return `${name}, line ${p.line}: <q>${h(p.excerpt)}</q>`;
}

function claimRow(r: Report, c: ReportClaim): string {
  const details: string[] = [];
  if (c.note) details.push(`<div>${h(c.note)}</div>`);
  if (c.accepted) details.push(`<div>${h(acceptedText(c))}</div>`);
  if (c.dismissed) details.push(`<div>Dismissed: ${h(c.dismissed.reason)}${c.dismissed.by ? `, by ${h(c.dismissed.by)}` : ''}${c.dismissed.at ? ` on ${h(c.dismissed.at)}` : ''}</div>`);
  details.push(...c.findings.map((f) => findingHtml(r, f)));
  if (c.variants.length > 1 || (c.variants.length && c.status !== 'agrees' && !c.findings.length)) {
    details.push(`<div>Sources give: ${c.variants.map((v) => `<q>${h(v.value)}</q> (${plural(v.sources, 'source')})`).join(', ')}</div>`);
  }
  const claim = `${h(c.text)}${c.speaker ? ` <span class="meta">(${h(c.speaker)})</span>` : ''}${c.mentions && c.mentions > 1 ? ` <span class="meta">×${c.mentions}</span>` : ''}`;
  return `<tr><td class="n">${c.id}</td><td class="n">${c.line}</td><td>${c.kind}</td><td>${claim}</td><td class="status ${c.status}">${STATUS_LABEL[c.status]}</td><td>${h(countsText(c))}${details.join('')}</td></tr>`;
}

function renderHtml(r: Report): string {
  const table = (claims: ReportClaim[]) =>
    `<table><thead><tr><th>#</th><th>Line</th><th>Kind</th><th>Claim</th><th>Status</th><th>Sources</th></tr></thead><tbody>${claims.map((c) => claimRow(r, c)).join('\n')}</tbody></table>`;
  const attention = r.claims.filter(needsAttention);
  const agreeing = r.claims.filter((c) => !needsAttention(c));
  const sources = r.sources.length
    ? `<table><thead><tr><th>#</th><th>Source</th><th>Outlet</th><th>Date</th><th>Claims</th><th>sha256</th></tr></thead><tbody>${r.sources
        .map((s) => `<tr><td class="n">${s.id + 1}</td><td>${h(s.title)}<br><code>${h(s.path)}</code></td><td>${s.outlet ? h(s.outlet) : '—'}</td><td>${s.date ? h(s.date) : 'undated'}</td><td class="n">${s.claims}</td><td class="hash">${h(s.sha256)}</td></tr>`)
        .join('\n')}</tbody></table>`
    : '<p>No source states any claim of the draft.</p>';
  const problems = r.corpus.problems.length ? `<p>Could not be read:</p><ul>${r.corpus.problems.map((p) => `<li><code>${h(p.path)}</code>: ${h(p.reason)}</li>`).join('')}</ul>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fact-check report: ${visibleLine(r.draft.name).replace(/[&<>"']/g, (c) => ESCAPES[c])}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Fact-check report: ${h(r.draft.name)}</h1>
<p class="meta">Checked by ${h(r.audit.engine)} on ${h(r.audit.exportedAt)} for ${h(r.audit.exportedBy)}, against ${plural(r.corpus.sources, 'source')} (${r.sources.length} state a claim of the draft).</p>
<p><strong>${h(summaryText(r))}</strong></p>
${attention.length ? `<h2>Claims to review</h2>\n${table(attention)}` : ''}
${agreeing.length ? `<h2>Claims that agree with the sources</h2>\n${table(agreeing)}` : ''}
<h2>Sources consulted</h2>
${sources}
${problems}
<h2>Audit trail</h2>
<table><tbody>
<tr><th>Draft</th><td><code>${h(r.draft.name)}</code>, ${plural(r.draft.words, 'word')}<br>sha256 <span class="hash">${h(r.audit.draftSha256)}</span></td></tr>
<tr><th>Corpus</th><td>${plural(r.corpus.sources, 'source')} in ${r.corpus.roots.map((x) => `<code>${h(x)}</code>`).join(', ') || 'no folder'}<br>sha256 <span class="hash">${h(r.audit.corpusSha256)}</span></td></tr>
<tr><th>Engine</th><td>${h(r.audit.engine)}</td></tr>
<tr><th>Exported by</th><td>${h(r.audit.exportedBy)}</td></tr>
<tr><th>Exported at</th><td>${h(r.audit.exportedAt)}</td></tr>
</tbody></table>
</body>
</html>
`;
}
