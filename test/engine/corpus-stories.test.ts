// corpus/stories: which sources tell one story, and which are dated apart from the sources telling theirs (a reprint
// dated a week later, a page dated by an old "updated" line), so that their own date places none of their weekdays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourcesDatedApart } from '../../server/src/corpus/stories';
import { corpusOf, ruleFindings } from './helpers';

/** A source of the Harwick mill fire story, dated `date`. */
const fireReport = (date: string, outlet: string, body = 'Firefighters from Harwick and Dunmore fought the blaze at the Kessling mill on Sunday, officials said.') =>
  `---\ntitle: Fire at the Kessling mill\ndate: ${date}\noutlet: ${outlet}\n---\n\n${body}\n\nThe Kessling mill in Harwick employed 140 people.\n`;
const otherStory = (date: string) => `---\ntitle: Bridge reopens\ndate: ${date}\noutlet: Valley Post\n---\n\nThe Ostrander bridge over the Lune reopened on Monday after repairs.\n`;

describe('sourcesDatedApart', () => {
  it('finds a reprint dated a week after the other sources of its story', () => {
    const corpus = corpusOf([fireReport('2025-03-10', 'Wire One'), fireReport('2025-03-10', 'Wire Two'), fireReport('2025-03-11', 'Wire Three'), fireReport('2025-03-19', 'Reprints Daily')]);
    assert.deepEqual([...sourcesDatedApart(corpus)], [3]);
  });

  it('finds a page dated a week before the events, by an old "updated" date', () => {
    const corpus = corpusOf([fireReport('2025-03-02', 'Old Page'), fireReport('2025-03-10', 'Wire One'), fireReport('2025-03-10', 'Wire Two'), fireReport('2025-03-11', 'Wire Three')]);
    assert.deepEqual([...sourcesDatedApart(corpus)], [0]);
  });

  it('leaves sources of another story out of the comparison', () => {
    // The bridge story is dated a fortnight later, but it names none of the fire story's names.
    const corpus = corpusOf([fireReport('2025-03-10', 'Wire One'), fireReport('2025-03-10', 'Wire Two'), fireReport('2025-03-11', 'Wire Three'), otherStory('2025-03-25')]);
    assert.deepEqual([...sourcesDatedApart(corpus)], []);
  });

  it('needs the other dates to cluster, and at least two of them', () => {
    // Two sources a week apart: neither date is the odd one.
    assert.deepEqual([...sourcesDatedApart(corpusOf([fireReport('2025-03-10', 'Wire One'), fireReport('2025-03-18', 'Wire Two')]))], []);
    // Dates spread over a month: no cluster to be apart from.
    const spread = corpusOf([fireReport('2025-03-01', 'A'), fireReport('2025-03-09', 'B'), fireReport('2025-03-17', 'C'), fireReport('2025-03-25', 'D')]);
    assert.deepEqual([...sourcesDatedApart(spread)], []);
  });

  it('places the weekdays of a source dated apart nowhere, and those of the others by their date', () => {
    const corpus = corpusOf([fireReport('2025-03-10', 'Wire One'), fireReport('2025-03-10', 'Wire Two'), fireReport('2025-03-11', 'Wire Three'), fireReport('2025-03-19', 'Reprints Daily')]);
    const weekdayOf = (doc: number) => corpus.sources[doc].datesIn(0).find((d) => d.granularity === 'weekday');
    assert.equal(weekdayOf(0)?.resolved, '2025-03-09');
    assert.equal(weekdayOf(3)?.resolved, undefined);
    assert.equal(corpus.sources[3].analysis.dates.find((d) => d.granularity === 'weekday')?.resolved, undefined);
    assert.equal(corpus.sources[3].info.date?.iso, '2025-03-19', 'the source keeps its date for everything else');
  });
});

describe('a weekday told only by a source dated apart', () => {
  // Only the reprint tells when the mill's owner spoke; its date (a week after the others) would put "Tuesday" in
  // another week than the draft's, so the two weekdays were never compared.
  const onlyInReprint = 'The owner of the Kessling mill, Ada Forsyth, said on Tuesday the mill would be rebuilt in Harwick.';
  const corpus = corpusOf([
    fireReport('2025-03-10', 'Wire One'),
    fireReport('2025-03-10', 'Wire Two'),
    fireReport('2025-03-11', 'Wire Three'),
    fireReport('2025-03-19', 'Reprints Daily', `Firefighters from Harwick and Dunmore fought the blaze at the Kessling mill on Sunday, officials said. ${onlyInReprint}`),
  ]);
  const draft = (weekday: string) => `---\ndate: 2025-03-12\n---\n\nThe owner of the Kessling mill, Ada Forsyth, said on ${weekday} the mill would be rebuilt in Harwick.\n`;

  it('is compared with the draft by name: another weekday is a conflict', () => {
    const found = ruleFindings(corpus, draft('Thursday'), 'date/conflict');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    assert.equal(found[0].text, 'Thursday');
    assert.deepEqual(found[0].suggestions, ['Tuesday']);
  });

  it('the same weekday agrees', () => {
    assert.deepEqual(ruleFindings(corpus, draft('Tuesday'), 'date/conflict'), []);
  });
});
