// The fact-check report: a Markdown summary of a draft's Corroborate findings, for an editor or a colleague.
// Pure (no vscode import) so that it can be tested in node; the command in extension.ts gathers the input.

export interface ReportEvidence {
  /** Where the evidence sits, for people: "seeds/001.txt:12". */
  location: string;
  message: string;
}

export interface ReportFinding {
  /** 1-based. */
  line: number;
  column: number;
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** The draft's text at the finding. */
  text: string;
  evidence: ReportEvidence[];
}

export interface ReportInput {
  draft: string;
  /** ISO timestamp of the check. */
  checkedAt: string;
  findings: ReportFinding[];
  /** Source folders and files, when the server told us. */
  roots?: string[];
  sources?: Array<{ name: string; title: string; date?: string }>;
  problems?: Array<{ name: string; reason: string }>;
}

export const REPORT_HEADING = '# Fact-check report: ';

/** Whether a document's text is one of our reports (which are not drafts to check). */
export function isReport(text: string): boolean {
  return text.startsWith(REPORT_HEADING);
}

/** Escapes Markdown so that draft and corpus text shows as written (and any HTML in it as text). */
export function mdEscape(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#=+-]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d*)(.)$/, '$1\\$2')}`);
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const one = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function buildReport(input: ReportInput): string {
  const out: string[] = [];
  const findings = [...input.findings].sort((a, b) => a.line - b.line || a.column - b.column);
  out.push(`${REPORT_HEADING}${mdEscape(input.draft)}`, '');
  const sourceCount = input.sources ? `, against ${plural(input.sources.length, 'source')}` : '';
  out.push(`Checked by Corroborate on ${mdEscape(input.checkedAt)}${sourceCount}.`, '');

  if (findings.length === 0) {
    out.push('**No findings.** Every quote, figure, date and name Corroborate could match agrees with the sources.', '');
  } else {
    const bySeverity = SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    out.push(`**${plural(findings.length, 'finding')}** (${bySeverity}).`, '');
    const rules = new Map<string, number>();
    for (const f of findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    out.push('| Rule | Findings |', '| --- | ---: |');
    for (const [rule, n] of [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`| ${code(rule)} | ${n} |`);
    out.push('', '## Findings', '');
    findings.forEach((f, i) => {
      out.push(`### ${i + 1}. Line ${f.line}: ${code(f.rule)} (${f.severity})`, '');
      if (f.text.trim()) out.push(`> ${mdEscape(f.text.trim())}`, '');
      out.push(mdEscape(f.message), '');
      if (f.evidence.length > 0) {
        out.push('Evidence:', '');
        for (const e of f.evidence) out.push(`- ${code(e.location)}: ${mdEscape(e.message)}`);
        out.push('');
      }
    });
  }

  if (input.sources || input.roots) {
    out.push('## Sources', '');
    if (input.roots?.length) out.push(`Folders: ${input.roots.map(code).join(', ')}`, '');
    for (const s of input.sources ?? []) out.push(`- ${code(s.name)}: ${mdEscape(s.title)}${s.date ? ` (${mdEscape(s.date)})` : ''}`);
    if (input.sources?.length) out.push('');
    if (input.problems?.length) {
      out.push('Could not be read:', '');
      for (const p of input.problems) out.push(`- ${code(p.name)}: ${mdEscape(p.reason)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
