// Cost of tagging with compromise and wink-nlp vs the engine's own extraction, on real sentences (server/README.md,
// "Why no NLP library"). The libraries are not dependencies: install them into a folder of their own first,
//   npm install --prefix /tmp/nlp-eval compromise wink-nlp wink-eng-lite-web-model
//   node --import tsx test/bench/nlpEval.ts /tmp/nlp-eval [realworld-texts-folder]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/extract/document';
const [libs = '/tmp/nlp-eval', realworld] = process.argv.slice(2);
const nlpMod = require(join(libs, 'node_modules/compromise')); const nlp = nlpMod.default ?? nlpMod;
const winkNLP = require(join(libs, 'node_modules/wink-nlp'));
const model = require(join(libs, 'node_modules/wink-eng-lite-web-model'));
const files: string[] = [];
for (const d of [join(__dirname, '..', '..', 'seeds')]) for (const f of readdirSync(d)) files.push(join(d, f));
if (realworld) for (const story of readdirSync(realworld)) for (const k of ['sources', 'drafts']) for (const f of readdirSync(join(realworld, story, k))) files.push(join(realworld, story, k, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const t0 = performance.now();
const analyses = texts.map((t) => analyzeText(t));
const tEngine = performance.now() - t0;
const sentences = analyses.flatMap((a) => a.sentences.map((s) => s.text));
const withNumber = sentences.filter((s) => /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/i.test(s));
const words = sentences.join(' ').split(/\s+/).length;
function time(fn: () => void) { const a = performance.now(); fn(); return performance.now() - a; }
const nlpW = winkNLP(model);
// warm up
nlp(sentences[0]).clauses(); nlpW.readDoc(sentences[0]);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
const runs = (fn: () => void) => median([time(fn), time(fn), time(fn)]);
const tCompromise = runs(() => { for (const s of withNumber) nlp(s).clauses().out('array'); });
const tWink = runs(() => { for (const s of withNumber) { const d = nlpW.readDoc(s); d.tokens().out(nlpW.its.pos); } });
const tEngine2 = runs(() => { for (const t of texts) analyzeText(t); });
console.log(JSON.stringify({ files: files.length, words, sentences: sentences.length, candidateSentences: withNumber.length,
  engineSegmentAndExtractAllMs: +tEngine2.toFixed(1), compromiseClausesCandidatesMs: +tCompromise.toFixed(1), winkPosCandidatesMs: +tWink.toFixed(1),
  compromisePerSentenceMs: +(tCompromise / withNumber.length).toFixed(3), winkPerSentenceMs: +(tWink / withNumber.length).toFixed(3) }, null, 1));
// A look at clause boundaries on run-on two-event sentences.
for (const s of ['Negotiators met on Sunday, and on Monday the president said the talks had gone well.', 'Russia annexed the region in 2014, and the full invasion began in February 2022.', 'The plan was cut from 28 to 19 points after talks in Geneva.', 'Six people were killed and millions of people have fled since the war began.']) {
  console.log('compromise clauses:', JSON.stringify(nlp(s).clauses().out('array')));
}
