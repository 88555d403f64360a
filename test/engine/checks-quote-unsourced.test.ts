// quote/unsourced: a quotation that appears in no source. A notice, never a warning: a reporter's own interviews are normal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { corpusOf, findingsOf, ruleFindings, single } from './helpers';

const SOURCE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

Ukraine and the US reached a common understanding on the key terms, officials said.

"We will not give up our land," Zelensky said.
`;
const corpus = corpusOf([SOURCE]);
const unsourced = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'quote/unsourced', options);

describe('quote/unsourced fires', () => {
  const FIRES: Array<[string, string, string]> = [
    ['"The bread lines are getting longer every week," said Olena Marchenko, a resident of Kyiv.', 'The bread lines are getting longer every week', 'a reporter\'s own interview'],
    ['Marchenko is less patient. "Every night is the same," she said.', 'Every night is the same', 'a pronoun speaker'],
    ['"We no longer go down to the shelter. We just wait for the morning," said Marchenko.', 'We no longer go down to the shelter. We just wait for the morning', 'a quote over two sentences'],
  ];
  for (const [draft, covering, why] of FIRES) {
    it(`${why}: ${JSON.stringify(covering)}`, () => {
      const f = single(unsourced(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'information', 'a notice, not a warning');
      assert.deepEqual(f.suggestions, [], 'nothing to suggest');
      assert.deepEqual(f.evidence, [], 'no source to cite');
      assert.match(f.message, /No source in the corpus \(1 files\) has this quote/);
    });
  }

  it('is the only finding on a reporter\'s own quote', () => {
    const findings = findingsOf(corpus, '"The bread lines are getting longer every week," said Olena Marchenko.');
    assert.deepEqual(findings.map((f) => f.rule), ['quote/unsourced']);
  });
});

describe('quote/unsourced stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['"We will not give up our land," Zelensky said.', 'a quote the sources have'],
    ['"We will not give up," Zelensky said.', 'an excerpt of a source quote'],
    ['Officials hailed a "common understanding on the key terms" after the talks.', 'words a source has in running text, unquoted'],
    ['He called it a "historic day".', 'scare quotes of two words'],
    ['"Yes," he said.', 'a one-word quote'],
    ['Russia launched 22 missiles at Kyiv overnight.', 'no quote'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(unsourced(draft).map((f) => f.text), []));
  }
});

describe('quote/unsourced settings', () => {
  const draft = '"The bread lines are getting longer every week," said Olena Marchenko.';
  it('is information by default, never a warning', () => assert.equal(RULES.find((r) => r.id === 'quote/unsourced')?.defaultSeverity, 'information'));
  it('takes the configured severity', () => assert.equal(single(unsourced(draft, { severities: { 'quote/unsourced': 'hint' } }), 'bread lines').severity, 'hint'));
  it('is silenced by "off"', () => assert.deepEqual(unsourced(draft, { severities: { 'quote/unsourced': 'off' } }), []));
  it('counts the corpus files in its message', () => {
    const two = corpusOf([SOURCE, 'Another source about the weather in Kyiv.\n']);
    assert.match(ruleFindings(two, draft, 'quote/unsourced')[0].message, /\(2 files\)/);
  });
});
