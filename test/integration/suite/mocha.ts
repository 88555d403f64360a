// Mocha lives in test/e2e/node_modules (test-only tools stay out of the root package and the .vsix).
// Every suite file takes mocha's functions from here, so they all talk to the same mocha instance
// that index.ts creates.
import * as path from 'path';
import * as util from 'util';

/** The repository root, from test/integration/out/suite/ (compiled) or test/integration/suite/ (source). */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../..' : '../../..');

type Fn = (this: unknown) => unknown;
export interface MochaRunner {
  on(event: string, listener: (...args: any[]) => void): MochaRunner;
}
export interface MochaInstance {
  addFile(file: string): void;
  run(done: (failures: number) => void): MochaRunner;
}
interface MochaModule {
  reporters: { Base: { consoleLog: (...args: unknown[]) => void } };
  new (options: Record<string, unknown>): MochaInstance;
  suite(name: string, fn: Fn): void;
  test(name: string, fn: Fn): void;
  suiteSetup(fn: Fn): void;
  suiteTeardown(fn: Fn): void;
  setup(fn: Fn): void;
  teardown(fn: Fn): void;
}

const mochaPath = require.resolve('mocha', { paths: [path.join(ROOT, 'test', 'e2e'), __dirname] });
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const Mocha: MochaModule = require(mochaPath);
export const suite = (name: string, fn: Fn): void => Mocha.suite(name, fn);
export const test = (name: string, fn: Fn): void => Mocha.test(name, fn);
export const suiteSetup = (fn: Fn): void => Mocha.suiteSetup(fn);
export const suiteTeardown = (fn: Fn): void => Mocha.suiteTeardown(fn);

/** Marks the suite's output so a launcher can pick it out of the workbench's forwarded console. */
export const MARK = '[corroborate-it]';
export function log(...args: unknown[]): void {
  for (const line of util.format(...args).split('\n')) console.log(`${MARK} ${line}`);
}
// mocha's reporters print through Base.consoleLog: send it through log() too.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(...args);
