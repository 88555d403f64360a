// What a figure's clause says happened to the counted thing ("six people were killed": killed), and whether the
// sentence marks it as an old or a new value ("cut from 28 to 19 points"). Read from a few tokens either side of the
// figure, never the whole sentence.

/** Words that say what happened to a counted thing, grouped into families that mean the same happening. */
const FAMILIES: Record<string, string[]> = {
  killed: ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'dying', 'death', 'deaths', 'fatalities', 'fatality', 'perished', 'slain'],
  injured: ['injured', 'injure', 'injures', 'injuring', 'injuries', 'wounded', 'wounding', 'wounds', 'hurt'],
  casualties: ['casualties', 'casualty'],
  fled: ['fled', 'flee', 'flees', 'fleeing', 'displaced', 'displacing', 'refugees', 'refugee', 'uprooted', 'homeless'],
  evacuated: ['evacuated', 'evacuate', 'evacuating', 'evacuation', 'evacuees'],
  fired: ['fired', 'firing', 'launched', 'launch', 'launches', 'launching'],
  intercepted: ['intercepted', 'intercept', 'intercepting', 'downed', 'downing', 'neutralised', 'neutralized', 'repelled'],
  destroyed: ['destroyed', 'destroying'],
  damaged: ['damaged', 'damaging'],
  arrested: ['arrested', 'arresting', 'arrests', 'detained', 'detaining', 'detentions', 'jailed', 'imprisoned'],
  captured: ['captured', 'capturing'],
  released: ['released', 'freed', 'exchanged', 'swapped', 'repatriated'],
  missing: ['missing'],
  rescued: ['rescued', 'rescuing'],
};
const FAMILY_OF = new Map(Object.entries(FAMILIES).flatMap(([family, words]) => words.map((w) => [w, family] as const)));
/** Two-word happenings: "shot down", "lost power". */
const PHRASES: Record<string, string> = { 'shot down': 'intercepted', 'lost power': 'power', 'without power': 'power', 'without electricity': 'power' };

/** Words that end a clause: the figure's action is not looked for beyond them. */
const CLAUSE_END = new Set([
  ',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '!', '?',
  'but', 'while', 'whereas', 'where', 'when', 'after', 'before', 'as', 'because', 'since', 'although', 'though', 'if',
  'said', 'says', 'say', 'told', 'added', 'according', 'reported',
]);
const NUMBER_WORD = /^(?:\d[\d,.]*|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?|billions?|tens|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$/;
/** Verbs of change: a figure after "rose to" is the new value, one after "rose from" the old. */
const CHANGE = /^(?:r[io]se|risen|rising|rises|increased?|increasing|fell|fallen|falling|falls|dropped|dropping|climbed|climbing|jumped|cut|cutting|reduced|reducing|lowered|raised|grew|grown|growing|revised|trimmed|slashed|soared|surged|declined|decreased|shrunk|shrank|expanded|brought|pared|scaled|up|down|updated|changed)$/;
const NEW_VALUE = /^(?:revised|new|updated|amended|latest|current|reduced|shortened|final)$/;
const OLD_VALUE = /^(?:original|initial|earlier|previous|old|former|draft)$/;

/** How many words either side are read. */
const WINDOW_WORDS = 6;
/** How many characters either side are tokenised: enough for WINDOW_WORDS words. */
export const ROLE_WINDOW = 80;

const TOKEN = /\d[\d,.]*\d|\d|\p{L}[\p{L}’'-]*|[,;:()—–"“”!?]/gu;

function tokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((t) => t.toLowerCase());
}

function familyAt(words: readonly string[], i: number): string | undefined {
  return PHRASES[`${words[i]} ${words[i + 1] ?? ''}`] ?? FAMILY_OF.get(words[i]);
}

/** The family of what a counted noun itself says happened ("dead", "refugees", "casualties"), if any. */
export function actionOfUnitWord(word: string): string | undefined {
  return FAMILY_OF.get(word.toLowerCase());
}

export interface FigureRole {
  action?: string;
  role?: 'from' | 'to';
}

/**
 * `before`: the text just before the figure (its qualifier included), `after`: the text just after its counted noun,
 * `unitWord`: the counted noun as written. Both texts should be at most ROLE_WINDOW characters.
 */
export function figureRole(before: string, after: string, unitWord: string): FigureRole {
  const back = tokens(before);
  // The first token may be cut in half by the window.
  if (before.length >= ROLE_WINDOW) back.shift();
  const ahead = tokens(after);
  return { action: actionOfUnitWord(unitWord) ?? actionBefore(back) ?? actionAfter(ahead), role: roleOf(back, ahead) };
}

/** The figure as object: "fired 32 missiles", "killing at least six people", "launched 22 missiles and 460 drones". */
function actionBefore(back: readonly string[]): string | undefined {
  let words = 0;
  let coordinated = false;
  let sawNumber = false;
  for (let i = back.length - 1; i >= 0 && words < WINDOW_WORDS; i--) {
    const w = back[i];
    if (w === 'and' || w === 'or') {
      // "22 missiles and 460 drones": crossed only straight before the figure, towards another figure.
      if (i !== back.length - 1) return undefined;
      coordinated = true;
      continue;
    }
    if (CLAUSE_END.has(w) || w === 'which' || w === 'who' || w === 'that') return undefined;
    if (NUMBER_WORD.test(w)) sawNumber = true;
    const family = familyAt(back, i) ?? (i > 0 ? PHRASES[`${back[i - 1]} ${w}`] : undefined);
    if (family) return coordinated && !sawNumber ? undefined : casualtiesIfPaired(back, i, family, -1);
    words++;
  }
  return undefined;
}

/** The figure as subject: "six people were killed", "millions of people have fled", "460 drones launched overnight". */
function actionAfter(ahead: readonly string[]): string | undefined {
  let coordinated = false;
  for (let i = 0, words = 0; i < ahead.length && words < WINDOW_WORDS + 2; i++) {
    const w = ahead[i];
    const family = familyAt(ahead, i);
    if (family) return casualtiesIfPaired(ahead, i, family, 1);
    if (w === 'and' || w === 'or') {
      // "soldiers and thousands of civilians have been killed": a coordinated figure shares the predicate.
      if (NUMBER_WORD.test(ahead[i + 1] ?? '') && ahead[i + 1] !== 'a') {
        coordinated = true;
        continue;
      }
      return undefined;
    }
    // Another figure's number starts another figure's clause, unless coordinated with this one.
    if (CLAUSE_END.has(w) || (NUMBER_WORD.test(w) && w !== 'a' && !coordinated)) return undefined;
    words++;
  }
  return undefined;
}

/** "killed or injured", "dead and wounded": a count of both is neither alone. */
function casualtiesIfPaired(words: readonly string[], i: number, family: string, step: 1 | -1): string {
  const joiner = words[i + step];
  const other = joiner === 'or' || joiner === 'and' ? FAMILY_OF.get(words[i + 2 * step] ?? '') : undefined;
  return other && other !== family && (other === 'killed' || other === 'injured') && (family === 'killed' || family === 'injured') ? 'casualties' : family;
}

/** "from 28 to 19 points", "rose to 7", "now stands at 12", "the revised 19-point plan", "the original 28-point plan". */
function roleOf(back: readonly string[], ahead: readonly string[]): 'from' | 'to' | undefined {
  const last = back[back.length - 1];
  if (last && NEW_VALUE.test(last)) return 'to';
  if (last && OLD_VALUE.test(last)) return 'from';
  const near = back.slice(-5, -1);
  if (last === 'to') {
    const from = near.lastIndexOf('from');
    if ((from >= 0 && NUMBER_WORD.test(near[from + 1] ?? '')) || near.slice(-3).some((w) => CHANGE.test(w))) return 'to';
  }
  if (last === 'at' && near.slice(-2).some((w) => /^(?:stands?|stood|now)$/.test(w))) return 'to';
  if (last === 'from') {
    const pairedTo = ahead[0] === 'to' && NUMBER_WORD.test(ahead[1] ?? '');
    if (pairedTo || near.slice(-3).some((w) => CHANGE.test(w))) return 'from';
  }
  return undefined;
}
