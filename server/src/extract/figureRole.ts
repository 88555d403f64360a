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
/** The words of one happening's family ("injured": "wounded", "injuries", "hurt", …). */
export const happeningWords = (family: string): readonly string[] => FAMILIES[family] ?? [];
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
const CHANGE = /^(?:r[io]se|risen|rising|rises|increased?|increasing|increases|fell|fallen|falling|falls|dropped|dropping|climbed|climbing|jumped|cut|cuts|cutting|reduced|reducing|lowered|lowers|lowering|raised|raises|raising|hiked|hikes|hiking|lifted|lifts|lifting|boosted|boosts|grew|grown|growing|revised|trimmed|slashed|soared|surged|declined|decreased|shrunk|shrank|expanded|brought|pared|scaled|up|down|updated|changed)$/;
/** Nouns of change: "a hike of 75 basis points", "a 0.5 percentage point increase" count the change, not the level. */
const CHANGE_NOUN = /^(?:hikes?|moves?|increases?|rises|rise|raises?|cuts?|reductions?|drops?|jumps?|gains?|declines?|decreases?)$/;
/** "another 12 people", "a further 1.75 points", "1.9% in additional increases": an amount on top of one counted elsewhere. */
const EXTRA = /^(?:another|additional|further|extra|more|other)$/;
/** Words between a marker and the figure that do not change what it counts ("another roughly 1.75"). */
const QUALIFYING = /^(?:about|around|approximately|roughly|some|nearly|almost|just|estimated|an|at|least|more|than|over|up|to|as|many|close)$/;
const PERCENT_WORD = /^(?:%|percent|per ?cent|pct|(?:percentage |basis )?points?|bps)$/i;
/** Verbs of change that take the amount of change straight after them; "brought", "scaled", "revised" take other objects. */
const STRAIGHT_CHANGE = /^(?:r[io]se|risen|rising|increased|fell|fallen|falling|dropped|dropping|climbed|climbing|jumped|jumping|gained|gaining|lost|losing|declined|declining|decreased|soared|soaring|surged|surging|slumped|slumping|plunged|plunging|slid|sliding|tumbled|tumbling|up|down)$/;
const TAKES_OBJECT = /^(?:up|down|lost|losing|gained|gaining|dropped|dropping)$/;
const NEW_VALUE = /^(?:revised|new|updated|amended|latest|current|reduced|shortened|final)$/;
const OLD_VALUE = /^(?:original|initial|earlier|previous|old|former|draft)$/;

/** How many words either side are read. */
const WINDOW_WORDS = 6;
/** How many characters either side are tokenised: enough for WINDOW_WORDS words. */
export const ROLE_WINDOW = 80;

/** Qualifiers before a number: "more than", "at least", "nearly", "up to", "some". */
const QUALIFIERS = ['more than', 'fewer than', 'less than', 'at least', 'at most', 'up to', 'just over', 'just under', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'over', 'under', 'another', 'a further'].map((q) => q.split(' '));

/** How many words of a qualifier start at `i` (0 if none). */
function qualifierWordsAt(words: readonly string[], i: number): number {
  return QUALIFIERS.find((q) => q.every((w, k) => words[i + k] === w))?.length ?? 0;
}

/** How many words of a qualifier end `words` (0 if none). */
function trailingQualifierWords(words: readonly string[]): number {
  return QUALIFIERS.find((q) => q.every((w, k) => words[words.length - q.length + k] === w))?.length ?? 0;
}

/** Counted weapons: what happens to them, unless told otherwise ("shot down"), is that they were fired. */
const WEAPON = /^(?:missiles?|drones?|rockets?|shells?|bombs?|projectiles?)$/i;

/** Verbs that are nouns as well, read as a happening only when the count follows them. */
const VERB_WITH_COUNT = new Map([['fires', 'fired']]);

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
  role?: 'from' | 'to' | 'by' | 'more' | 'needed' | 'projected';
  /** The role is a version's ("the initial 28-point plan"), not a change's ("rose from 28"). */
  version?: boolean;
  proposed?: boolean;
  period?: string;
  era?: string;
  place?: { words: string[]; list: boolean; part?: boolean };
  moment?: string;
  group?: string[];
}

/**
 * `before`: the text just before the figure (its qualifier included), `after`: the text just after its counted noun,
 * `unitWord`: the counted noun as written, `qualifier`: the figure's own qualifier as written ("above "). Both texts
 * should be at most ROLE_WINDOW characters.
 */
export function figureRole(before: string, after: string, unitWord: string, between = '', qualifier = ''): FigureRole {
  const back = tokens(before);
  // The first token may be cut in half by the window.
  if (before.length >= ROLE_WINDOW) back.shift();
  const ahead = tokens(after);
  const role = extraOf(back, ahead, between) ? 'more' : levelPassed(back, qualifier) ? 'to' : roleOf(back, ahead, unitWord);
  const version = !!role && role === versionOf(back);
  const era = eraOf(back) ?? eraAfter(ahead) ?? pastOf(back, ahead);
  const place = placeOf(after);
  // "…three in Olinda and 16 in Kula": the last place of a breakdown is a part too.
  if (place && !place.part && BREAKDOWN_BEFORE.test(before)) place.part = true;
  const moment = momentOf(before, after) ?? scoreStateOf(before, unitWord);
  const group = groupOf(after) ?? kindInBreakdown(before, after, unitWord) ?? sectorBefore(before);
  return {
    // "a barrage of 27 missiles", "hit by 22 missiles": a count of weapons with no other happening is the attack's.
    action: actionOfUnitWord(unitWord) ?? actionBefore(back) ?? actionAfter(ahead) ?? (WEAPON.test(unitWord) ? 'fired' : undefined),
    ...(role && { role }),
    ...(version && { version }),
    ...(proposedOf(back) && { proposed: true }),
    ...periodOf(back, ahead),
    ...(era && { era }),
    ...(place && { place }),
    ...(moment && { moment }),
    ...(group && { group }),
  };
}

/** "in those who got the vaccine", "recorded among participants given a placebo", "in the placebo group": a part of the whole. */
const GROUP = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:in|among)\s+(?:(?:the|those|people|participants|volunteers|patients|subjects|individuals|adults|children)\s+(?:who|given|receiving|that)\b([^.;:,()]{0,40})|the\s+((?:[\p{L}-]+\s+){0,2})(?:group|arm|cohort)\b)/u;
/** Words of a group that do not tell one group from another. */
const GROUP_FILLER = /^(?:a|an|the|of|and|or|either|got|get|received|receiving|given|took|had|have|were|was|who|that|two|one|doses?|shots?|real|actual)$/;

/** The telling words of the part of a whole the figure counts in, read just after its counted noun. */
function groupOf(after: string): string[] | undefined {
  const found = GROUP.exec(after.slice(0, 70));
  if (!found) return undefined;
  return (found[1] ?? found[2] ?? '').toLowerCase().split(/[^\p{L}-]+/u).filter((w) => w && !GROUP_FILLER.test(w));
}

/**
 * "the construction industry added 25,000 jobs", "Electricity prices rose 13.7%", "the “food” index rose 10.4%": the
 * words naming a part of the whole (a sector, a price index) just before its verb.
 */
const SECTOR_BEFORE = /((?:\b[\p{L}-]+\s+){1,3})(?:sector|industry|industries|prices|price index|index|costs)\s+(?:[\p{L}’'-]+[\s(]+){1,3}$/u;
/** Words that name the whole, not a part: "consumer prices", "the all items index", "overall prices". */
const SECTOR_FILLER = /^(?:a|an|the|and|of|its|their|this|that|whole|entire|overall|wider|broader|consumer|price|all|items?|headline|average|general)$/;

/** The part a figure is for, named just before its verb ("the construction industry added"), in words; none for "prices rose". */
function sectorBefore(before: string): string[] | undefined {
  const found = SECTOR_BEFORE.exec(before.slice(-70).replace(/[“”"‘]/g, ''));
  const words = found?.[1].trim().toLowerCase().split(/\s+/).filter((w) => !SECTOR_FILLER.test(w));
  return words?.length ? words : undefined;
}

const BREAKDOWN_NUMBER = String.raw`(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const KIND_WORDS = String.raw`((?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)`;
const LIST_JOIN = String.raw`\s*(?:,\s*|,?\s+and\s+)`;
/** Words that end a kind ("of fraud on Tuesday"): what follows is no longer the kind. */
const KIND_END = /^(?:on|in|at|over|for|after|before|by|with|against|and|or|the|from|to|since|during)$/;

/**
 * "four counts of fraud and one count of bribery": each figure of a breakdown by kind (the same counted noun, each
 * followed by "of" and its kind) counts one part, told by its kind's words; the whole is not stated there.
 */
function kindInBreakdown(before: string, after: string, unitWord: string): string[] | undefined {
  // Either way the figure's own kind follows it ("… of fraud"): most figures stop here, before any pattern is built.
  if (!/^\s+of\s/i.test(after)) return undefined;
  const stem = unitWord.toLowerCase().replace(/e?s$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!stem) return undefined;
  const sameNoun = String.raw`${stem}(?:e?s)?`;
  // The kind may run on before the next part ("two counts of lying on a federal form to buy a gun, and one count of…").
  const first = new RegExp(String.raw`^\s+of\s+${KIND_WORDS}(?:\s[^.;:,]{0,80}?)?${LIST_JOIN}${BREAKDOWN_NUMBER}\s+${sameNoun}\s+of\b`, 'iu').exec(after);
  const listedBefore = new RegExp(String.raw`\b${BREAKDOWN_NUMBER}\s+${sameNoun}\s+of\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}${LIST_JOIN}$`, 'iu').test(before);
  const kind = first?.[1] ?? (listedBefore ? new RegExp(String.raw`^\s+of\s+${KIND_WORDS}`, 'u').exec(after)?.[1] : undefined);
  if (!kind) return undefined;
  const words: string[] = [];
  for (const w of kind.toLowerCase().split(/\s+/)) {
    if (KIND_END.test(w)) break;
    words.push(w);
  }
  return words.length ? words : undefined;
}

const CLOCK_TIME = /\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?m\b/gi;
const AT_CLOSE = /\b(?:closed|closing|ended the (?:day|session)|finished the (?:day|session)|at the close)\b/i;
/** Trading before the open: futures contracts and pre-market deals move apart from the session's own price. */
const BEFORE_OPEN = /\b(?:futures|pre-?market|pre-?trading|pre-?opening|before the (?:open|opening bell))\b/i;

/** The moment of the day the figure's sentence gives it: a clock time ("halted at 2:41 p.m."), the market close, or before the open. */
function momentOf(before: string, after: string): string | undefined {
  const times = [...before.matchAll(CLOCK_TIME)];
  const time = times.at(-1) ?? [...after.matchAll(CLOCK_TIME)][0];
  if (time) return `${Number(time[1]) % 12 + (time[3].toLowerCase() === 'p' ? 12 : 0)}:${time[2] ?? '00'}`;
  if (AT_CLOSE.test(before) || AT_CLOSE.test(after.slice(0, 30))) return 'close';
  return BEFORE_OPEN.test(before.slice(-30)) || BEFORE_OPEN.test(after.slice(0, 30)) ? 'before open' : undefined;
}

/** "2-0 down after 80 minutes", "level at 1-1 after 90 minutes": the score the game stood at, told just before its time. */
const SCORE_BEFORE_TIME = /\b(\d{1,2})[-–](\d{1,2})(?:\s+(?:down|up|ahead|behind|lead|deficit))?\s+(?:after|at|by|with)\s+$/;
const ELAPSED_UNIT = /^(?:seconds?|minutes?|mins?|hours?)$/i;

/** A game's elapsed time given with the score at that moment: a snapshot of the game, not its whole length. */
function scoreStateOf(before: string, unitWord: string): string | undefined {
  if (!ELAPSED_UNIT.test(unitWord)) return undefined;
  const score = SCORE_BEFORE_TIME.exec(before.slice(-30));
  return score ? `score ${score[1]}-${score[2]}` : undefined;
}

/** "another 12", "a further roughly 1.75 points", "12 more people", "1.9% in additional increases". */
function extraOf(back: readonly string[], ahead: readonly string[], between: string): boolean {
  if (tokens(between).some((w) => EXTRA.test(w))) return true;
  for (let i = back.length - 1; i >= 0 && i >= back.length - 4; i--) {
    if (EXTRA.test(back[i]) && back[i] !== 'more') return true;
    if (!QUALIFYING.test(back[i]) && back[i] !== 'a' && back[i] !== 'by') break;
  }
  return EXTRA.test(ahead[0] ?? '') || ((ahead[0] === 'in' || ahead[0] === 'of') && EXTRA.test(ahead[1] ?? ''));
}

/** Time words whose "after"/"before" puts the figure's clause at another event ("two weeks after a quake killed 90"). */
const TIME_UNITS = /^(?:hours?|days?|weeks?|months?|years?|decades?)$/;
/** Tokens read back from the figure for its event: enough for "less than two weeks after a major 8.1-magnitude earthquake killed". */
const ERA_WORDS = 10;

const RELATIVE_OPENERS = new Set(['which', 'who', 'that']);
const CONTRAST = /^(?:but|while|whereas|although|though)$/;
/** A token that is a year ("1985", "2018"). */
const YEAR_TOKEN = /^(?:18|19|20)\d\d$/;

/**
 * Another event than the story's, as marked in the figure's clause before it: "another quake", "a second tremor",
 * "weeks after", "a 1985 quake".
 */
function eraOf(back: readonly string[]): string | undefined {
  for (let i = back.length - 1, n = 0; i >= 0 && n < ERA_WORDS; i--, n++) {
    const w = back[i];
    // "the 2018 Camp Fire, which claimed 86 lives": a relative clause tells of the event before its comma.
    if (w === ',' && RELATIVE_OPENERS.has(back[i + 1] ?? '')) continue;
    if (w === ',' || w === ';' || w === ':' || w === '(' || w === '“' || w === '"' || w === 'said' || w === 'says') return undefined;
    // "down from a year earlier but ahead of estimates of $6 billion": a contrast opens the figure's own clause.
    if (CONTRAST.test(w)) return undefined;
    // "a 1985 quake", "the 2010 floods"; not a count ("launched 2000 drones and 40 missiles") nor a span ("since 2014"),
    // unless the year is a moment ("since 1918 when the Cloquet fire claimed 453 lives").
    if (YEAR_TOKEN.test(w) && (/^(?:a|the|that|this)$/.test(back[i - 1] ?? '') || back[i + 1] === 'when')) return w;
    // "a previous draft of the 28-point plan" is an old version of the story's plan (its role), not another event.
    if (/^(?:another|previous|prior|earlier)$/.test(w) && i < back.length - 1 && !VERSION_NOUN.test(back[i + 1])) return 'other';
    // "a second 7.6 magnitude tremor": another instance of the event, whatever stands between.
    if (/^(?:second|third|fourth|fifth)$/.test(w) && back[i - 1] === 'a') return 'other';
    if ((w === 'after' || w === 'before') && TIME_UNITS.test(back[i - 1] ?? '')) return 'other';
  }
  return undefined;
}

/**
 * "the 85 people who were killed in a 2018 fire": a year after the figure, in its own clause (a relative clause
 * included, which says what befell the counted thing), names its event.
 */
function eraAfter(ahead: readonly string[]): string | undefined {
  for (let i = 0; i < ahead.length && i < ERA_WORDS; i++) {
    const w = ahead[i];
    if (CLAUSE_END.has(w) || w === 'and' || w === 'than') return undefined;
    if (YEAR_TOKEN.test(w) && /^(?:a|the)$/.test(ahead[i - 1] ?? '')) return w;
  }
  return undefined;
}

/** "four years ago", "at the last election", "in the previous vote": the figure of an earlier time than the story's. */
const PAST_AFTER = /^(?:ago|earlier)$/;
/** What a change is measured from: "from a year ago", "than a year earlier", "with two years earlier". */
const COMPARED_WITH = /^(?:from|than|with|over|versus|vs)$/;
const PAST_BEFORE = /^(?:last|previous|prior)$/;
const PAST_EVENT = /^(?:election|elections|vote|poll|race|runoff|round|contest|year|time)$/;

/**
 * An earlier time than the story's, read in the figure's clause: "N years ago" after it, "at the last election" either
 * side, "In 2026," opening the clause before it or "in 2014 (…" opening its bracket (the story's own events are told by
 * weekday, not year).
 */
function pastOf(back: readonly string[], ahead: readonly string[]): string | undefined {
  for (let i = 0; i < ahead.length && i < WINDOW_WORDS + 2; i++) {
    const w = ahead[i];
    if (CLAUSE_END.has(w) && w !== 'as') break;
    // "up 14% from a year ago" measures against a year ago: the change itself is the story's.
    if (PAST_AFTER.test(w) && TIME_UNITS.test(ahead[i - 1] ?? '') && !COMPARED_WITH.test(ahead[i - 3] ?? '')) return 'other';
    if (PAST_BEFORE.test(w) && PAST_EVENT.test(ahead[i + 1] ?? '')) return 'other';
  }
  for (let i = back.length - 1, n = 0; i >= 0 && n < ERA_WORDS; i--, n++) {
    const w = back[i];
    if (CLAUSE_END.has(w) && w !== 'as') {
      // "In 2026, Voss won 55%": the year opens the sentence, before its comma; or it is set off by commas ("the
      // deadliest storm, in 1931, killed 900").
      if (w === ',') return YEAR_TOKEN.test(back[i - 1] ?? '') && back[i - 2] === 'in' && (i - 2 === 0 || back[i - 3] === ',') ? 'other' : undefined;
      // "her first win in 2014 (52% of the vote)": the bracket gives the figure of what the year dates.
      return w === '(' && YEAR_TOKEN.test(back[i - 1] ?? '') && back[i - 2] === 'in' ? 'other' : undefined;
    }
    if (PAST_BEFORE.test(w) && PAST_EVENT.test(back[i + 1] ?? '')) return 'other';
    if (YEAR_TOKEN.test(w) && w === back[1] && back[0] === 'in' && i === 1) return 'other';
  }
  return undefined;
}

/** Another place's count just before the figure, joined by a comma or "and": "three structures in Olinda and ". */
const BREAKDOWN_BEFORE =
  /(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands))\s+(?:[\p{Ll}-]+\s+){0,2}in\s+\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}\s*(?:,\s*|,?\s+and\s+)$/u;
const PLACE_TOKEN = /\d[\d,.]*|\p{L}[\p{L}’'.-]*|[,;:()—–"“”!?]/gu;
/** Capitalised words that are not places. */
const NOT_PLACE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An)$/;
/** Words that end the figure's clause for its place: another figure, a speech verb, a new clause. */
const PLACE_END = /^(?:\d.*|[;:()"“”!?]|said|says|told|according|which|who|when|while|but|because|after|before|since|as|if|where)$/;

/**
 * The places the figure's clause puts it in, read after its counted noun: "in Avalon", "in Avalon — the capital — and
 * in the states of Brae, Cole and Dunn". Places joined only by commas, with no "and", keep just the first
 * ("in Avalon, Governor Ross said").
 */
function placeOf(after: string): { words: string[]; list: boolean; part?: boolean } | undefined {
  const found = after.match(PLACE_TOKEN) ?? [];
  const runs: string[][] = [];
  let seeking = 0;
  let joined = false;
  let sawAnd = false;
  let inRun = false;
  let part = false;
  for (let i = 0; i < found.length; i++) {
    const t = found[i];
    if (PLACE_END.test(t)) {
      // "94 in Avalon, 71 in Brae, 43 in Cole", "four in Olinda and 16 in Kula": one part of a breakdown by place.
      part = runs.length > 0 && (found[i - 1] === ',' || found[i - 1] === 'and') && /^\d/.test(t) && found.slice(i + 1, i + 4).includes('in');
      break;
    }
    // "in a Russian strike": a people's adjective is not a place.
    const capital = /^\p{Lu}/u.test(t) && !NOT_PLACE.test(t) && !/\p{Ll}(?:ian|ean|ese)$/u.test(t);
    if (capital && (inRun || seeking > 0 || (joined && runs.length))) {
      if (!inRun) runs.push([]);
      // A sentence's full stop is not part of the place; "U.S." keeps its stops.
      runs.at(-1)!.push(t.replace(/^([^.]+)\.$/, '$1').replace(/[’']s$/, '').toLowerCase());
      inRun = true;
      seeking = 0;
      joined = false;
      continue;
    }
    inRun = false;
    if (/^(?:in|across|throughout)$/.test(t)) seeking = 4;
    else if (t === 'and' || t === ',' || t === '—' || t === '–') {
      if (t === 'and' && runs.length) sawAnd = true;
      joined = runs.length > 0;
    } else if (seeking > 0) seeking--;
    else if (!capital) joined = false;
  }
  if (!runs.length) return undefined;
  const kept = sawAnd ? runs : runs.slice(0, 1);
  return { words: kept.flat(), list: kept.length > 1, ...(part && { part }) };
}

/** The figure as object: "fired 32 missiles", "killing at least six people", "launched 22 missiles and 460 drones". */
function actionBefore(back: readonly string[]): string | undefined {
  // "Russia fires 640 drones": a verb that is also a noun ("fires at two buildings") only straight before its count.
  const verb = back[back.length - 1 - trailingQualifierWords(back)];
  const happening = verb && VERB_WITH_COUNT.get(verb);
  if (happening) return happening;
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

const AFTER_PREPOSITION = /^(?:from|in|into|at|on|with|near|inside|under|among)$/;

/** The figure as subject: "six people were killed", "millions of people have fled", "460 drones launched overnight". */
function actionAfter(ahead: readonly string[]): string | undefined {
  let coordinated = false;
  for (let i = 0, words = 0; i < ahead.length && words < WINDOW_WORDS + 2; i++) {
    const w = ahead[i];
    const family = familyAt(ahead, i);
    // "pulled 12 people from damaged blocks": a participle after a preposition tells of that noun, not of the figure.
    if (family && AFTER_PREPOSITION.test(ahead[i - 1] === 'the' ? ahead[i - 2] ?? '' : ahead[i - 1] ?? '')) return undefined;
    if (family) return casualtiesIfPaired(ahead, i, family, 1);
    if (w === 'and' || w === 'or') {
      // "soldiers and thousands of civilians have been killed", "22 missiles and more than 460 drones were launched":
      // a coordinated figure shares the predicate.
      const next = i + 1 + qualifierWordsAt(ahead, i + 1);
      if (NUMBER_WORD.test(ahead[next] ?? '') && ahead[next] !== 'a') {
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

/**
 * "needed 326 seats", "326 seats required", "the 50% threshold", "a threshold of 5%", "the 2% inflation target": what
 * was needed or aimed at, not what was had.
 */
const NEED = /^(?:needs?|needed|needing|requires?|required|requiring)$/;
const THRESHOLD = /^(?:thresholds?|targets?|goals?)$/;
/** After "target" as a verb comes its object ("300 drones target the city"). */
const OBJECT_START = /^(?:the|a|an|its|their|his|her|our|this|these|those)$/;

/** The threshold noun straight after the figure, or after one noun naming what it measures ("2% inflation target"). */
function thresholdAhead(ahead: readonly string[]): boolean {
  const at = THRESHOLD.test(ahead[0] ?? '') ? 0 : /^[a-z]+$/.test(ahead[0] ?? '') && THRESHOLD.test(ahead[1] ?? '') ? 1 : -1;
  return at >= 0 && !OBJECT_START.test(ahead[at + 1] ?? '');
}

function neededOf(back: readonly string[], ahead: readonly string[]): boolean {
  // "326 seats needed for a majority", "the 50% threshold"; not "six people needed treatment".
  if (thresholdAhead(ahead) || (/^(?:needed|required)$/.test(ahead[0] ?? '') && /^(?:for|to)$/.test(ahead[1] ?? ''))) return true;
  for (let i = back.length - 1; i >= 0 && i >= back.length - 4; i--) {
    if (NEED.test(back[i])) return true;
    if (back[i] === 'of' && THRESHOLD.test(back[i - 1] ?? '')) return true;
    if (!QUALIFYING.test(back[i]) && back[i] !== 'a' && back[i] !== 'the') break;
  }
  return false;
}

const QUARTER_ORDINAL = /^(?:first|second|third|fourth|last|latest|final|same)$/;

/** "this year", "next year": the year a forecast or a change is for. */
const RELATIVE_YEAR = /^(?:this|next)$/;

/**
 * The year a figure is for, read in its clause: "1.5% this year", "2.1% in 2032" after it, "Next year, output will
 * shrink by 2.1%" before it. A year's event ("a 2018 fire") is its era, read elsewhere.
 */
function periodOf(back: readonly string[], ahead: readonly string[]): { period?: string } {
  for (let i = 0; i < ahead.length && i < WINDOW_WORDS + 2; i++) {
    const w = ahead[i];
    if (CLAUSE_END.has(w) || NUMBER_WORD.test(w)) break;
    if (RELATIVE_YEAR.test(w) && ahead[i + 1] === 'year') return { period: `${w} year` };
    if (/^(?:in|for|during)$/.test(w) && /^(?:19|20)\d\d$/.test(ahead[i + 1] ?? '')) return { period: ahead[i + 1] };
    // "440,000 cars during the quarter", "in the fourth quarter": a quarter's figure, not the year's.
    if (/^(?:in|for|during|over)$/.test(w) && ahead[i + 1] === 'the' && (ahead[i + 2] === 'quarter' || (QUARTER_ORDINAL.test(ahead[i + 2] ?? '') && ahead[i + 3] === 'quarter'))) {
      return { period: 'quarter' };
    }
    // "a 5% drop over the next two years"
    if (/^(?:over|in|during|for)$/.test(w) && ahead[i + 1] === 'the' && ahead[i + 2] === 'next') {
      const rest = ahead.slice(i + 3, i + 5);
      const end = rest.findIndex((r) => /^years?$/.test(r));
      if (end >= 0) return { period: ['next', ...rest.slice(0, end + 1)].join(' ') };
    }
  }
  // "Next year, …": the clause opening the sentence, before its comma.
  if (RELATIVE_YEAR.test(back[0] ?? '') && back[1] === 'year' && back[2] === ',' && !back.slice(3).some((w) => CLAUSE_END.has(w))) {
    return { period: `${back[0]} year` };
  }
  return {};
}

/** Verbs of wanting an amount: what a member preferred or a party sought is not what was decided or given. */
const PROPOSAL = /^(?:preferred|prefers|prefer|sought|seeks|seek|seeking|proposed|proposes|proposing|favoured|favored|favouring|favoring|requested|requests|demanded|demands)$/;

/**
 * "One member preferred to increase the rate by 0.25 points, to 1.5%", "sought a quarter point hike": read back within
 * the clause; the comma before ", to 1.5%" gives the same proposal's level, so it does not end the clause.
 */
function proposedOf(back: readonly string[]): boolean {
  for (let i = back.length - 1; i >= 0 && i >= back.length - 12; i--) {
    if (PROPOSAL.test(back[i])) return true;
    if (back[i] === ',' && back[i + 1] === 'to' && i + 1 === back.length - 1) continue;
    if (CLAUSE_END.has(back[i])) return false;
  }
  return false;
}

/** Words of a poll or projection: its figures are what it gave, not the result. */
const PROJECTION = /^(?:projected|projects|projection|projections|forecast|forecasts|predicted|predicts|prediction|poll|polls)$/;

/** "An exit poll projected them to win 410 seats", "the exit poll had them on 131 seats": read back within the clause. */
function projectedOf(back: readonly string[]): boolean {
  for (let i = back.length - 1; i >= 0 && i >= back.length - 8; i--) {
    if (CLAUSE_END.has(back[i]) && back[i] !== 'as') return false;
    if (PROJECTION.test(back[i])) return true;
  }
  return false;
}

/** Counted things whose "lost 251 seats", "gained 3 points" is a change, not a level. */
const SHARE_UNIT = /^(?:seats?|points?|%|per cent|percent|votes?)$/;
const GAIN_LOSS = /^(?:lost|lose|loses|losing|gained|gain|gains|gaining|shed|sheds|shedding)$/;

/** "could rise above 13%", "fell below 2%": the level the change passes, not its size ("rose more than 13%"). */
function levelPassed(back: readonly string[], qualifier: string): boolean {
  const last = back[back.length - 1];
  return !!last && STRAIGHT_CHANGE.test(last) && /^\s*(?:above|beyond|past|below)\b/i.test(qualifier);
}

/** Nouns of a document's version: "the initial draft of a 28-point plan" is the old plan's figure. */
const VERSION_NOUN = /^(?:draft|version|text|form|edition)s?$/;

/**
 * "the initial draft of a 28-point plan", "a revised version of the 19-point plan", "the first version of the 27-point
 * plan": the version marks the figure.
 */
function markedVersionOf(back: readonly string[]): 'from' | 'to' | undefined {
  let i = back.length - 1;
  if (/^(?:a|an|the)$/.test(back[i] ?? '')) i--;
  if (back[i] !== 'of' || !VERSION_NOUN.test(back[i - 1] ?? '')) return undefined;
  const marker = back[i - 2] ?? '';
  // "the first version of the 27-point plan" is the earliest, an old one.
  return NEW_VALUE.test(marker) ? 'to' : OLD_VALUE.test(marker) || marker === 'first' ? 'from' : undefined;
}

/** A version's figure: "the revised 19-point plan", "the original 28-point plan", "the initial draft of a 28-point plan". */
function versionOf(back: readonly string[]): 'from' | 'to' | undefined {
  const last = back[back.length - 1];
  if (last && NEW_VALUE.test(last)) return 'to';
  if (last && OLD_VALUE.test(last)) return 'from';
  return markedVersionOf(back);
}

/** "from 28 to 19 points", "rose to 7", "now stands at 12", "the revised 19-point plan", "the original 28-point plan". */
function roleOf(back: readonly string[], ahead: readonly string[], unitWord = ''): 'from' | 'to' | 'by' | 'needed' | 'projected' | undefined {
  const percent = PERCENT_WORD.test(unitWord.trim());
  const last = back[back.length - 1];
  // "raised rates by 0.75%", "a hike of 75 basis points", "a 0.5 percentage point increase": the change, not the level.
  if ((last === 'by' && back.slice(-8, -1).some((w) => CHANGE.test(w) || CHANGE_NOUN.test(w))) || (last === 'of' && CHANGE_NOUN.test(back[back.length - 2] ?? ''))) return 'by';
  if (CHANGE_NOUN.test(ahead[0] ?? '')) return 'by';
  // "lost 251 seats", "gained 3 points"; "a majority of 174", "a lead of 5 points": a change or a margin, not a level.
  if (SHARE_UNIT.test(unitWord.toLowerCase()) && back.slice(-3).some((w) => GAIN_LOSS.test(w))) return 'by';
  if (last === 'of' && /^(?:majority|margin|lead|gap)$/.test(back[back.length - 2] ?? '')) return 'by';
  if (neededOf(back, ahead)) return 'needed';
  if (projectedOf(back)) return 'projected';
  const version = versionOf(back);
  if (version) return version;
  // "shares rose 6%", "ended the day up 5.6%": straight after the verb, the figure is the change, as with "by".
  // Verbs that also take an object ("shot down 75 drones", "lost 300 soldiers", "dropped 40 bombs") only before a percentage.
  if (last && STRAIGHT_CHANGE.test(last) && (percent || !TAKES_OBJECT.test(last))) return 'by';
  const near = back.slice(-5, -1);
  // "9.1% in June, compared to 8.6% the previous month": the base a figure is measured against is the old value.
  if ((last === 'to' || last === 'with') && back[back.length - 2] === 'compared') return 'from';
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
