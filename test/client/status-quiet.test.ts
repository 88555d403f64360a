// The status bar item for a folder without sources (quiet: no warning colour, says how to set sources) and for a
// folder whose checking is turned off.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { statusView } from '../../client/src/statusText';

it('no sources: no warning colour, a hint to set them, and a click chooses the sources folder', () => {
  const view = statusView('running', { state: 'no-sources', sources: 0, problems: [], roots: [], message: 'No sources set for news, so no draft is checked. To set them: add a "sources" folder, name them in corroborate.json…' }, undefined);
  assert.equal(view.warning, false);
  assert.equal(view.text, '$(circle-outline) Corroborate: no sources');
  assert.match(view.tooltip, /corroborate\.json/);
  assert.equal(view.command, 'corroborate.chooseSources');
});

it('checking off: no warning colour, and a click turns it on', () => {
  const view = statusView('running', { state: 'off', sources: 5, problems: [], roots: ['/w/sources'] }, 2);
  assert.equal(view.warning, false);
  assert.equal(view.text, '$(circle-slash) Corroborate: off');
  assert.equal(view.command, 'corroborate.toggleChecking');
});
