#!/usr/bin/env node
// Real-world trust measurement: real news drafts checked against other outlets' articles on the same story.
// Every strong finding (warning or error) is looked up in verdicts.json, judged by eye: true = the draft states the
// same fact differently; false = a false alarm. The texts are not ours and live outside the repository.
//
// usage: node test/realworld/run.mjs <texts-folder> [--cmd '<command with {draft} and {sources}>'] [-v]
//   <texts-folder>/<story>/sources/*.md and <texts-folder>/<story>/drafts/*.md
// Last line: "realworld: words W strong S true T false F unjudged U false/5000w X.XX". Always exits 0 (a measurement).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_CMD = 'npm run --silent cli -- check {draft} --sources {sources} --format json';
const TEXT_EXTENSIONS = new Set(['.md', '.txt']);

const args = process.argv.slice(2);
const cmdAt = args.indexOf('--cmd');
const template = cmdAt >= 0 ? args[cmdAt + 1] : DEFAULT_CMD;
const verbose = args.includes('-v');
const textsDir = args.find((a, i) => !a.startsWith('-') && (cmdAt < 0 || i !== cmdAt + 1));
if (!textsDir || !template || !existsSync(textsDir)) {
  console.error("usage: node test/realworld/run.mjs <texts-folder> [--cmd '<command with {draft} and {sources}>'] [-v]");
  process.exit(2);
}

const verdictsPath = join(dirname(fileURLToPath(import.meta.url)), 'verdicts.json');
const verdicts = existsSync(verdictsPath) ? JSON.parse(readFileSync(verdictsPath, 'utf8')) : [];
const normalize = (s) => s.replace(/\s+/g, ' ').trim();
const keyOf = (story, draft, rule, text) => JSON.stringify([story, draft, rule, normalize(text)]);
const verdictByKey = new Map(verdicts.map((v) => [keyOf(v.story, v.draft, v.rule, v.text), v]));

const listTexts = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => TEXT_EXTENSIONS.has(extname(f))).sort() : [];
const stories = readdirSync(textsDir)
  .filter((d) => statSync(join(textsDir, d)).isDirectory() && existsSync(join(textsDir, d, 'drafts')))
  .sort();

let words = 0;
const strong = [];
for (const story of stories) {
  const sourcesDir = join(textsDir, story, 'sources');
  for (const file of listTexts(join(textsDir, story, 'drafts'))) {
    const draftPath = join(textsDir, story, 'drafts', file);
    const draft = file.slice(0, -extname(file).length);
    const text = readFileSync(draftPath, 'utf8');
    words += text.split(/\s+/).filter(Boolean).length;
    const cmd = template.replace('{draft}', JSON.stringify(draftPath)).replace('{sources}', JSON.stringify(sourcesDir));
    let out;
    try {
      out = execSync(cmd, {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CORROBORATE_CACHE_DIR: 'off' },
      });
    } catch (e) {
      out = e.stdout;
      if (!out) {
        console.log(`the command failed on ${story}/${file}: ${String(e.stderr || e.message).split('\n')[0]}`);
        continue;
      }
    }
    // Ranges are LSP positions: zero-based line and UTF-16 character, which is what JS string indices count.
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const at = (p) => lineStarts[p.line] + p.character;
    for (const f of JSON.parse(out).files.flatMap((x) => x.findings)) {
      if (f.severity !== 'warning' && f.severity !== 'error') continue;
      const flagged = text.slice(at(f.range.start), at(f.range.end));
      const verdict = verdictByKey.get(keyOf(story, draft, f.rule, flagged));
      strong.push({ story, draft, rule: f.rule, text: flagged, message: f.message, verdict });
    }
  }
}

const judgedTrue = strong.filter((s) => s.verdict?.verdict === 'true');
const judgedFalse = strong.filter((s) => s.verdict?.verdict === 'false');
const unjudged = strong.filter((s) => !s.verdict);
const short = (s) => normalize(s).slice(0, 80);

if (verbose) {
  for (const s of judgedTrue) console.log(`TRUE     ${s.story}/${s.draft} ${s.rule} “${short(s.text)}”`);
  for (const s of judgedFalse)
    console.log(`FALSE    ${s.story}/${s.draft} ${s.rule} “${short(s.text)}” [${s.verdict.cause}]`);
  for (const s of unjudged) {
    console.log(`UNJUDGED ${s.story}/${s.draft} ${s.rule} “${short(s.text)}”: ${s.message}`);
    const stub = { story: s.story, draft: s.draft, rule: s.rule, text: normalize(s.text), verdict: '?', cause: '', note: '' };
    console.log(`         ${JSON.stringify(stub)}`);
  }
  const stale = verdicts.filter(
    (v) => !strong.some((s) => keyOf(s.story, s.draft, s.rule, s.text) === keyOf(v.story, v.draft, v.rule, v.text)),
  );
  for (const v of stale) console.log(`GONE     ${v.story}/${v.draft} ${v.rule} “${short(v.text)}” (${v.verdict})`);
}

const byCause = new Map();
for (const s of judgedFalse) byCause.set(s.verdict.cause, (byCause.get(s.verdict.cause) ?? 0) + 1);
console.log(`drafts: ${stories.length} stories, ${words} words`);
console.log(`strong findings: ${strong.length} (true ${judgedTrue.length}, false ${judgedFalse.length}, unjudged ${unjudged.length})`);
for (const [cause, n] of [...byCause].sort((a, b) => b[1] - a[1])) console.log(`  false ${n}× ${cause}`);
const perFiveThousand = words ? (judgedFalse.length * 5000) / words : 0;
console.log(
  `realworld: words ${words} strong ${strong.length} true ${judgedTrue.length} false ${judgedFalse.length} ` +
    `unjudged ${unjudged.length} false/5000w ${perFiveThousand.toFixed(2)}`,
);
process.exit(0);
