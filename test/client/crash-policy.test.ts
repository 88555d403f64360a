// The client restarts a crashed server, and gives up only when it keeps crashing within the window.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CrashPolicy, MAX_RESTARTS, RESTART_WINDOW_MS } from '../../client/src/crashPolicy';

it('a crash is followed by a restart, up to the limit within the window', () => {
  const policy = new CrashPolicy();
  for (let i = 0; i < MAX_RESTARTS; i++) assert.deepEqual(policy.closed(1000 + i), { restart: true });
  const last = policy.closed(2000);
  assert.equal(last.restart, false);
  assert.match(last.restart ? '' : last.message, /5 times in 3 minutes.*Restart Server/);
});

it('crashes spread beyond the window keep being restarted', () => {
  const policy = new CrashPolicy();
  for (let i = 0; i < 20; i++) assert.deepEqual(policy.closed(i * (RESTART_WINDOW_MS / 3)), { restart: true });
});
