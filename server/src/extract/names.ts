// Runs of capitalised words: the raw material for speakers and for name spelling checks.
import type { Span } from '../model/types';

export interface NameRun extends Span {
  /** The run as written, titles included. */
  text: string;
  /** The run without leading titles and possessive, e.g. "Marco Rubio". */
  name: string;
  /** Last word of `name`: how people are referred to after first mention. */
  surname: string;
  /** Words of `name` and their offsets. */
  words: Array<Span & { text: string }>;
  /** A title preceded the name ("President Zelensky"). */
  titled: boolean;
  /** The run is at the start of its sentence (so its capital may be grammar, not a name). */
  sentenceInitial: boolean;
  /** The word before the run, lower case ("in" for "in Abu Dhabi"). */
  precededBy: string;
}

const TITLES = new Set(
  ('President Prime Minister Foreign Secretary State Army Defence Defense Chief Sir Mr Mrs Ms Dr Dame Lord Lady ' +
    'Senator Sen Rep Representative General Gen Governor Gov Mayor Envoy Special Spokesman Spokeswoman Spokesperson ' +
    'Deputy Vice Chancellor Pope King Queen Prince Princess Judge Justice Ambassador Commissioner Director Minister ' +
    'Premier Captain Colonel Col Major Lieutenant Admiral Commander Officer Chairman Chairwoman Chair Speaker Leader ' +
    'Head Interior Finance Economy Health Attorney Inspector Professor Prof Father Rev Saint St Emperor Sheikh PM MP ' +
    // Abbreviated ranks and offices ('Rear Adm. Shannon Gilreath'), as Gen, Col, Gov and Sen above.
    'Adm Cmdr Cdr Brig Capt Maj Lt Sgt Cpl Pvt Supt Insp Det Atty Amb')
    .split(' '),
);
/** Capitalised words that open sentences or headings but are not names. */
const FUNCTION_WORDS = new Set(
  ('The A An And But Or If In On At To For From By With As Of It Its This That These Those There Here He She They We You I ' +
    'His Her Their Our My Your When Where While After Before Since Until Despite Although Though Yet Still Also Even Meanwhile ' +
    'However Earlier Later Asked Speaking According Separately Both Some Many Most Several Such Each Every Other Another ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December Now Today Tonight Yesterday Tomorrow Last Next First Second Third Whether What Who Why How ' +
    'Leave Read Updated By Key Big News Logo References Retrieved Comment Reply Photo Image Copyright All Not No Yes Do Don’t ' +
    'Don\'t We\'re It\'s Let Just Much More Less Only Over Under Up Down Out Off Into Onto Across Around Through Within Without ' +
    'Among Between Against Toward Towards Upon Via Per Like Unlike Amid Amidst Given Following Including Regarding Concerning ' +
    'Then So Again Indeed Instead Thus Hence Otherwise Moreover Furthermore Finally Soon Once Additionally Overall ' +
    'Ultimately Initially Previously Recently Already Elsewhere Together Nevertheless Nonetheless Regardless Similarly ' +
    'Likewise Perhaps Maybe Clearly Notably Importantly Apparently Reportedly Officially Eventually Currently Today’s')
    .split(' '),
);
const CAPITALISED = /^\p{Lu}[\p{L}’'\-.]*$/u;
const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*[’']?/gu;
/**
 * "Erdoganâ€™s": a curly apostrophe, quote or dash in UTF-8 read as Windows-1252 starts with "â€"; the "â" ends the
 * name's token but is no letter of it.
 */
const MOJIBAKE_LEAD = /â(?=€)/y;
/** "FLORIDAIn the predawn hours": a capitals dateline glued to the first word of the text, no name. */
const GLUED_DATELINE = /^\p{Lu}{4,}\p{Lu}\p{Ll}+$/u;

export function isTitle(word: string): boolean {
  return TITLES.has(word.replace(/\.$/, ''));
}

export function stripPossessive(word: string): string {
  return word.replace(/[’']s?$/, '');
}

/** A byline: "By Ana Ruiz", "By Ana Ruiz and Tom Brisk", "By A B, C D and E F", ending the line or before a separator. */
const BYLINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?: +\p{Lu}[\p{L}'’.-]*){1,3}`;
const BYLINE = new RegExp(String.raw`^[ \t>*_#]*By +${BYLINE_NAME}(?:(?: *,| +and|, +and) +${BYLINE_NAME}){0,5} *(?:$|[|·•—–-])`, 'gmu');

/** The sentence's byline lines: their names are the reporters', not the story's people. */
function bylinesOf(sentence: string): Span[] {
  if (!/(?:^|\n)[ \t>*_#]*By /.test(sentence)) return [];
  BYLINE.lastIndex = 0;
  return [...sentence.matchAll(BYLINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Finds runs of capitalised words in a sentence, bylines left out. `base` is the sentence's offset in its document. */
export function nameRunsOf(sentence: string, base = 0): NameRun[] {
  const words: Array<Span & { text: string }> = [];
  const bylines = bylinesOf(sentence);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    if (bylines.length && bylines.some((b) => b.start <= m!.index && m!.index < b.end)) continue;
    let text = m[0];
    MOJIBAKE_LEAD.lastIndex = m.index + text.length - 1;
    if (text.length > 1 && MOJIBAKE_LEAD.test(sentence)) text = text.slice(0, -1);
    words.push({ start: m.index, end: m.index + text.length, text });
  }
  const runs: NameRun[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i].text.charCodeAt(0);
    // Fast path: a lower-case ASCII letter or a digit cannot start a name.
    if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) {
      i++;
      continue;
    }
    if (!CAPITALISED.test(words[i].text) || (/^\p{Lu}+$/u.test(words[i].text) && words[i].text.length > 4) || GLUED_DATELINE.test(words[i].text)) {
      i++;
      continue;
    }
    let j = i;
    // A run continues over capitalised words separated by a single space (not across punctuation).
    while (
      j + 1 < words.length &&
      CAPITALISED.test(words[j + 1].text) &&
      /^[ \u00a0]+$/.test(sentence.slice(words[j].end, words[j + 1].start)) &&
      !/[’']s?$/.test(words[j].text)
    ) j++;
    const run = words.slice(i, j + 1);
    // Everything up to the last title is title ("French President Emmanuel Macron", "Secretary of State Marco Rubio").
    let k = 0;
    for (let t = run.length - 2; t >= 0; t--) if (isTitle(run[t].text)) { k = t + 1; break; }
    const titled = k > 0;
    while (k < run.length && (isTitle(run[k].text) || FUNCTION_WORDS.has(run[k].text))) k++;
    const nameWords = run.slice(k).map((w) => ({ ...w, start: w.start + base, end: w.end + base }));
    if (nameWords.length) {
      const last = nameWords[nameWords.length - 1];
      const clean = stripPossessive(last.text);
      nameWords[nameWords.length - 1] = { ...last, text: clean, end: last.start + clean.length };
      runs.push({
        start: run[0].start + base,
        end: nameWords[nameWords.length - 1].end,
        text: sentence.slice(run[0].start, run[run.length - 1].end),
        name: nameWords.map((w) => w.text).join(' '),
        surname: clean,
        words: nameWords,
        titled,
        sentenceInitial: i === 0 && k === 0,
        precededBy: i > 0 ? words[i - 1].text.toLowerCase() : '',
      });
    }
    i = j + 1;
  }
  return runs;
}
