// Inline comments that turn rules off: `<!-- corroborate-disable figure/conflict -->` for the file,
// `<!-- corroborate-disable-next-line quote/altered -->` for the next non-blank line. No rule named means every rule.
import { positionAt } from '../model/lines';

export interface Suppressions { file: Set<string>; lines: Map<number, Set<string>> }

const DIRECTIVE = /<!--\s*corroborate-(disable-next-line|disable)\b([^>]*?)-->/g;

export function disabledRules(text: string, lineStarts: readonly number[]): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  if (!text.includes('corroborate-disable')) return result;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    const ids = rules.length ? rules : ['*'];
    if (m[1] === 'disable') ids.forEach((id) => result.file.add(id));
    else {
      let line = positionAt(lineStarts, m.index + m[0].length).line + 1;
      while (line < lineStarts.length - 1 && !text.slice(lineStarts[line], lineStarts[line + 1]).trim()) line++;
      const set = result.lines.get(line) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      result.lines.set(line, set);
    }
  }
  return result;
}
