// What the server shows from untrusted source text: bidi and control characters as escapes, never live.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, oneLine, toDiagnostic } from '../../server/src/lsp/convert';
import type { Finding } from '../../server/src/model/types';

const RLO = '\u202e';
const LIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('untrusted text in hovers and diagnostics', () => {
  it('escapeMarkdown and oneLine show bidi and escape characters as escapes', () => {
    for (const shown of [escapeMarkdown(`Evil ${RLO}News \u001b[2J`), oneLine(`Evil ${RLO}News\n\u001b]0;x\u0007`)]) {
      assert.doesNotMatch(shown, LIVE);
      assert.match(shown, /u202e/);
    }
    assert.equal(escapeMarkdown('<script> *bold*'), '\\<script\\> \\*bold\\*');
  });

  it('a diagnostic message and its related information carry no live bidi control', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const finding: Finding = {
      rule: 'figure/conflict', severity: 'warning', range, message: `1 source says “${RLO}40”`, suggestions: ['40'],
      evidence: [{ source: '/s/a.md', title: `Storm ${RLO}news`, outlet: `Coast${RLO}`, range, excerpt: `It destroyed ${RLO}40 homes.` }],
    };
    const d = toDiagnostic(finding);
    assert.doesNotMatch(String(d.message), LIVE);
    assert.doesNotMatch(d.relatedInformation![0]!.message, LIVE);
  });
});
