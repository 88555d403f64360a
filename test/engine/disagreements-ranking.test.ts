// Corpus-wide disagreements: ranked (strongest first), paged (pages concatenate to the whole list) and cancellable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusDisagreements, DisagreementsCancelled, pageOf, rankedDisagreements, rankedDisagreementsInSlices } from '../../server/src/engine';
import { corpusOf } from './helpers';

const wire = (outlet: string, body: string) => `---\ntitle: ${outlet} report\ndate: 2025-06-10\noutlet: ${outlet}\n---\n\n${body}\n`;
const BOATS = (n: number) => `Harbour officials in Marrowby counted ${n} boats sunk by the storm.`;
const BRIDGES = (n: number) => `Engineers in Tollfield said ${n} bridges were closed by the flood.`;

// Boats: 3 sources against 2 (a real dispute). Bridges: 4 against 1 (one odd report). Each source tells both stories.
const corpus = corpusOf([
  wire('Wire One', `${BOATS(40)}\n\n${BRIDGES(12)}`),
  wire('Wire Two', `${BOATS(40)}\n\n${BRIDGES(12)}`),
  wire('Wire Three', `${BOATS(40)}\n\n${BRIDGES(12)}`),
  wire('Wire Four', `${BOATS(35)}\n\n${BRIDGES(12)}`),
  wire('Wire Five', `${BOATS(35)}\n\n${BRIDGES(10)}`),
]);

describe('corpus-wide disagreements are ranked', () => {
  const all = corpusDisagreements(corpus).filter((d) => d.kind === 'figure');

  it('puts the fact whose weaker side has more sources first', () => {
    assert.deepEqual(
      all.map((d) => d.variants.map((v) => `${v.value}: ${v.sources.length}`)),
      [['40 boats: 3', '35 boats: 2'], ['12 bridges: 4', '10 bridges: 1']],
    );
  });

  it('lists each fact once, with every source that states it', () => {
    for (const d of all) assert.equal(d.variants.reduce((n, v) => n + v.sources.length, 0), 5);
  });
});

describe('pages', () => {
  const ranked = rankedDisagreements(corpus);
  const whole = corpusDisagreements(corpus);

  it('concatenate to the whole list, with no duplicates, whatever the page size', () => {
    assert.ok(whole.length >= 2);
    for (const size of [1, 2, 3, 50]) {
      const pages = [];
      let offset = 0;
      for (;;) {
        const page = pageOf(ranked, offset, size);
        assert.equal(page.offset, offset);
        assert.equal(page.total, whole.length);
        assert.equal(page.more, whole.length - offset - page.items.length);
        pages.push(...page.items);
        if (!page.more) break;
        offset += page.items.length;
      }
      assert.deepEqual(pages, whole, `page size ${size}`);
      assert.equal(new Set(pages).size, pages.length);
    }
  });

  it('past the end is empty; no params is the first page', () => {
    assert.deepEqual(pageOf(ranked, whole.length + 5, 10), { items: [], offset: whole.length + 5, limit: 10, total: whole.length, more: 0 });
    assert.equal(pageOf(ranked, 0, 10_000).limit, 200, 'a page is capped');
    assert.deepEqual(pageOf(ranked).items, whole.slice(0, 20));
  });
});

describe('computing in slices', () => {
  it('gives the same list as computing at once', async () => {
    const sliced = await rankedDisagreementsInSlices(corpus, { isCancellationRequested: false }, 0);
    assert.deepEqual(pageOf(sliced, 0, 200).items, corpusDisagreements(corpus));
  });

  it('stops at the first check after the token is cancelled', async () => {
    let checks = 0;
    let cancelled = false;
    const token = {
      get isCancellationRequested() {
        checks++;
        return cancelled;
      },
    };
    // Slices of 0 ms: the computation yields to the event loop after every step.
    const run = rankedDisagreementsInSlices(corpus, token, 0);
    await new Promise((resolve) => setImmediate(resolve));
    cancelled = true;
    const at = checks;
    await assert.rejects(run, DisagreementsCancelled);
    assert.equal(checks, at + 1, 'no step ran after the cancellation was seen');
    assert.ok(at >= 1 && at < 30, `cancelled early, after ${at} steps`);
  });
});

// Regression: at 2,000 bench sources, one stock phrase quoted from dozens of people in different stories was listed
// as one "who said" disagreement with 2,674 speakers, ranked first, and made the first page 10 MB.
describe('a stock phrase many people say is not one disagreement', () => {
  const people = ['Orla Venn', 'Tomas Drey', 'Ilse Marrow', 'Bert Quill', 'Nadia Posk', 'Edwin Sarle', 'Mira Tolk', 'Ugo Fenwick', 'Clea Brandt', 'Otto Lusk', 'Vera Hald', 'Kasim Orne', 'Lotte Grell', 'Piet Ambry'];
  const stock = people.map((name, i) =>
    wire(`Desk ${i}`, `${name}, the mayor of Town${String.fromCharCode(65 + i)}ville, spoke after the fire. "We are doing everything we can for the families," ${name} said.`),
  );

  it('from fourteen speakers in fourteen stories', () => {
    const speakers = corpusDisagreements(corpusOf(stock)).filter((d) => d.topic.startsWith('who said'));
    assert.deepEqual(speakers.map((d) => d.variants.length), []);
  });

  it('but two sources giving the same words to two people still disagree', () => {
    const two = corpusDisagreements(corpusOf(stock.slice(0, 2))).filter((d) => d.topic.startsWith('who said'));
    assert.equal(two.length, 1);
  });
});

describe('one value worded two ways is one side', () => {
  it('"forty boats" sides with "40 boats"', () => {
    const c = corpusOf([
      wire('Wire One', BOATS(40)),
      wire('Wire Two', BOATS(40)),
      wire('Wire Three', BOATS(40).replace('40', 'forty')),
      wire('Wire Four', BOATS(35)),
      wire('Wire Five', BOATS(35)),
    ]);
    const [boats] = corpusDisagreements(c).filter((d) => d.kind === 'figure');
    assert.deepEqual(boats.variants.map((v) => `${v.value}: ${v.sources.length}`), ['40 boats: 3', '35 boats: 2']);
  });
});
