// The status bar's finding count: one per diagnostic, except a capped draft's summary, which stands for the findings
// it says are not shown.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingCount } from '../../client/src/statusText';

it('counts one finding per diagnostic', () => {
  assert.equal(findingCount([{ data: { rule: 'figure/conflict', suggestions: [] } }, {}, { data: undefined }]), 3);
});

it('counts a capped draft as all its findings: 1,000 shown plus the 2,345 the summary stands for', () => {
  const shown = Array.from({ length: 1000 }, () => ({ data: { rule: 'quote/unsourced', suggestions: [] } }));
  assert.equal(findingCount([...shown, { data: { notShown: 2345 } }]), 3345);
});

it('a malformed notShown counts as one diagnostic', () => {
  assert.equal(findingCount([{ data: { notShown: -4 } }, { data: { notShown: '7' } }, { data: { notShown: 1.5 } }]), 3);
});
