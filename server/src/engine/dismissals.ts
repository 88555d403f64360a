// Fingerprints of dismissed findings. A dismissal names the rule, the flagged text and the sentence around it, with
// whitespace normalised: it survives edits elsewhere in the draft (and re-wrapping), and stops applying when the
// claim's own sentence changes, so the same "Monday" in another sentence is still checked.
import { createHash } from 'node:crypto';
import type { Dismissal, RuleId } from '../model/types';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function dismissalFingerprint(rule: RuleId, claim: string, sentence: string): string {
  return createHash('sha256').update(`${rule}\u0000${normalise(claim)}\u0000${normalise(sentence)}`, 'utf8').digest('hex');
}

/** Dismissals by fingerprint (the first recorded wins: it is the one people reviewed first). */
export function dismissalIndex(dismissals: readonly Dismissal[] | undefined): Map<string, Dismissal> | undefined {
  if (!dismissals?.length) return undefined;
  const index = new Map<string, Dismissal>();
  for (const d of dismissals) if (d && typeof d.fingerprint === 'string' && !index.has(d.fingerprint)) index.set(d.fingerprint, d);
  return index;
}
