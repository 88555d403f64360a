// corpusWithout: a draft kept among the sources is left out of the corpus it is checked against.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText, corpusFromTexts, corpusWithout } from '../../server/src/engine';

const WIRE = 'Harbour officials in Velmora said on Tuesday that 24 missiles struck the port overnight.\n';
const DRAFT = 'Harbour officials in Velmora said on Tuesday that 32 missiles struck the port overnight.\n';

describe('corpusWithout', () => {
  it('leaves the file out, renumbers the rest, and keeps the corpus when the file is not a source', () => {
    const corpus = corpusFromTexts([
      { path: '/desk/sources/draft.md', text: DRAFT },
      { path: '/desk/sources/wire.md', text: WIRE },
    ]);
    const view = corpusWithout(corpus, '/desk/sources/draft.md');
    assert.deepEqual(view.sources.map((s) => [s.id, s.info.path]), [[0, '/desk/sources/wire.md']]);
    assert.ok(view.problems.some((p) => p.path === '/desk/sources/draft.md' && /not used as evidence for itself/.test(p.reason)));
    assert.equal(corpusWithout(corpus, '/desk/elsewhere/draft.md'), corpus);

    // Against the whole corpus the draft backs itself ("1 source says 32"); against the view only the wire speaks.
    const conflict = checkText(view, DRAFT).find((f) => f.rule === 'figure/conflict');
    assert.ok(conflict);
    assert.deepEqual(conflict.evidence.map((e) => e.source), ['/desk/sources/wire.md']);
    assert.doesNotMatch(conflict.message, /32 missiles”;/);
  });
});
