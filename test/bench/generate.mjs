// Deterministic (seeded) synthetic newsroom data for the benchmark.
//
// A pool of events (floods, strikes, derailments, air raids, elections…), each with a place, a date, speakers with
// roles and quotes, and figures with qualifiers. Sources are wire-style reports of one main event plus a brief or
// two, chosen with a Zipf-like popularity so big stories are covered many times over, each retelling the facts with
// the drift real copy has: an earlier casualty toll, "over" for "more than", a quote with a word changed or cut
// short, "on Tuesday" against "14 October", British or American date order. Drafts draw on the most covered events
// and carry planted errors (changed figures, dropped qualifiers, wrong dates, altered or misattributed quotes,
// misspelled names) plus the writer's own unsourced quotes.
//
// Source i depends only on the seed and i, so the 100-source corpus is the first 100 files of the 1,000-source one,
// and so on. Output is cached under /tmp/corroborate-bench/<seed>-<generator hash>/, so reruns are instant.
//
//   node test/bench/generate.mjs [--seed N] [--sizes 100,1000,10000]     prints the folders
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_ROOT = '/tmp/corroborate-bench';
export const DRAFT_WORDS = [500, 2000, 10000];
const POOL = 2000; // events in the world; corpora of every size sample from the same pool
const ZIPF = 0.7; // popularity exponent: rank r is picked with weight r^-0.7

// ---------------------------------------------------------------------------------------------------------------
// Randomness

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A generator for one named stream ("event", 17) of a seed: streams never depend on each other. */
function rngFor(seed, ...parts) {
  const h = createHash('sha256').update([seed, ...parts].join('/')).digest();
  const r = mulberry32(h.readUInt32LE(0));
  const rand = {
    next: r,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    chance: (p) => r() < p,
    shuffle: (arr) => {
      const a = [...arr];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return rand;
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const SYL = ['ka', 'lo', 'ven', 'dra', 'mi', 'tor', 'sel', 'rin', 'ba', 'gor', 'ul', 'te', 'nas', 'vi', 'mor', 'le', 'quin', 'ash', 'fen', 'har', 'zo', 'bel', 'cor', 'dun', 'es', 'mar', 'pel', 'sto', 'val', 'wen', 'yar', 'ost', 'ri', 'an', 'del', 'kov', 'lin', 'tam', 'ber', 'sa'];
const PLACE_END = ['ford', 'ovo', 'ana', 'burg', 'mouth', 'ton', 'vik', 'ari', 'dale', 'grad', 'holm', 'ino', 'stad', 'ley', 'port'];
const SURNAME_END = ['', '', 'son', 'ova', 'enko', 'ez', 'ski', 'ard', 'ini', 'ley', 'er', 'ic', 'os'];
const FIRST = ['Ana', 'James', 'Maria', 'Oleksandr', 'Fatima', 'Daniel', 'Ingrid', 'Kwame', 'Sofia', 'Mateo', 'Priya', 'Tomas', 'Elena', 'Hassan', 'Grace', 'Lukas', 'Mei', 'Omar', 'Nadia', 'Samuel', 'Yuki', 'Carlos', 'Amara', 'Pavel', 'Leila', 'Jonas', 'Rosa', 'Viktor', 'Chloe', 'Ibrahim', 'Hanna', 'Diego', 'Zainab', 'Erik', 'Lucia', 'Kofi', 'Irina', 'Marco', 'Aisha', 'Felix'];
const OUTLETS = [
  ['Northern Wire', 'gb'], ['The Daily Ledger', 'us'], ['Coastal Herald', 'gb'], ['Metro Tribune', 'us'], ['Valley Post', 'us'],
  ['Continental Press Service', 'gb'], ['The Evening Standard-Bearer', 'gb'], ['Harbour Times', 'gb'], ['Capitol Dispatch', 'us'],
  ['Global Newsdesk', 'gb'], ['Prairie Courier', 'us'], ['Lakeside Gazette', 'us'], ['The Morning Record', 'gb'], ['Inland Observer', 'gb'],
  ['Atlantic Bulletin', 'us'], ['Eastern Chronicle', 'gb'], ['Union Wire Service', 'us'], ['The Sentinel', 'us'], ['Highland Echo', 'gb'],
  ['Riverside Journal', 'us'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
function coined(rand, syllables, ends) {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rand.pick(SYL);
  return cap(w + rand.pick(ends));
}

// Event kinds: what happened, who speaks, what is counted and how copy words each count.
// Figure contexts: {F} is the figure ("at least 12 people"); the rest of the words tell which count it is.
const KINDS = {
  flood: {
    noun: 'flood', nouns: 'floods',
    leads: ['Flash floods swept through {place} {when}', 'Floodwaters tore through {place} {when} after days of torrential rain', 'Rivers burst their banks around {place} {when}'],
    figures: [
      { key: 'killed', unit: 'people', range: [3, 60], q: 'at least', ctx: ['{F} were killed', 'killing {F}', 'the floods killed {F}', 'the death toll rose to {F}'] },
      { key: 'missing', unit: 'people', range: [5, 90], q: 'more than', ctx: ['{F} remain missing', 'rescuers were still searching for {F} reported missing'] },
      { key: 'evacuated', unit: 'residents', range: [800, 24000], round: 100, q: 'about', ctx: ['{F} were evacuated from low-lying districts', 'authorities moved {F} to emergency shelters'] },
      { key: 'homes', unit: 'homes', range: [120, 4000], round: 10, q: 'more than', ctx: ['{F} were flooded or destroyed', 'the water damaged {F} along the river'] },
    ],
    roles: ['the mayor of {place}', 'a spokesperson for the regional civil protection agency', 'the head of the {place} fire brigade', 'a hydrologist at the national weather service'],
  },
  quake: {
    noun: 'earthquake', nouns: 'earthquakes',
    leads: ['A powerful earthquake struck near {place} {when}', 'An earthquake shook {place} and the surrounding villages {when}', 'A shallow earthquake hit the region around {place} {when}'],
    figures: [
      { key: 'killed', unit: 'people', range: [4, 180], q: 'at least', ctx: ['{F} were killed', 'killing {F}', 'the quake killed {F}', 'the confirmed death toll reached {F}'] },
      { key: 'injured', unit: 'people', range: [20, 900], q: 'more than', ctx: ['{F} were injured', 'hospitals treated {F} for injuries'] },
      { key: 'buildings', unit: 'buildings', range: [30, 1500], round: 10, q: 'about', ctx: ['{F} collapsed in the old town', 'the tremor brought down {F}'] },
      { key: 'aftershocks', unit: 'aftershocks', range: [12, 140], q: 'more than', ctx: ['seismologists recorded {F} in the following hours', '{F} rattled the area overnight'] },
    ],
    roles: ['the regional governor', 'a spokesperson for the disaster management agency', 'a seismologist at the national observatory', 'the mayor of {place}'],
  },
  derail: {
    noun: 'derailment', nouns: 'derailments',
    leads: ['A passenger train derailed outside {place} {when}', 'Several carriages of an intercity train came off the tracks near {place} {when}', 'A train heading for {place} left the rails {when}'],
    figures: [
      { key: 'killed', unit: 'passengers', range: [2, 40], q: 'at least', ctx: ['{F} were killed', 'the crash killed {F}', 'killing {F}'] },
      { key: 'injured', unit: 'people', range: [15, 250], q: 'more than', ctx: ['{F} were taken to hospital', '{F} were injured, some of them seriously'] },
      { key: 'carriages', unit: 'carriages', range: [3, 9], q: '', ctx: ['{F} left the rails', 'investigators examined {F} that overturned'] },
      { key: 'aboard', unit: 'passengers', range: [150, 700], round: 10, q: 'about', ctx: ['the train was carrying {F}', '{F} were on board'] },
    ],
    roles: ['the transport minister', 'a spokesperson for the national rail operator', 'the head of the rail accident investigation board', 'the police chief of {place}'],
  },
  fire: {
    noun: 'fire', nouns: 'fires',
    leads: ['A fire ripped through a chemical plant in {place} {when}', 'An explosion and fire destroyed a warehouse on the edge of {place} {when}', 'A blaze broke out at a textile factory in {place} {when}'],
    figures: [
      { key: 'killed', unit: 'workers', range: [2, 45], q: 'at least', ctx: ['{F} were killed', 'the blaze killed {F}', 'killing {F}'] },
      { key: 'injured', unit: 'people', range: [10, 160], q: 'more than', ctx: ['{F} were injured', 'medics treated {F} for burns and smoke inhalation'] },
      { key: 'firefighters', unit: 'firefighters', range: [60, 400], round: 10, q: 'about', ctx: ['{F} fought the flames through the night', 'the fire service sent {F} to the site'] },
      { key: 'evacuated', unit: 'residents', range: [300, 6000], round: 100, q: 'some', ctx: ['{F} were told to leave nearby streets', 'police evacuated {F} living near the plant'] },
    ],
    roles: ['the fire chief of {place}', 'a spokesperson for the company that owns the plant', 'the regional labour inspector', 'the mayor of {place}'],
  },
  storm: {
    noun: 'storm', nouns: 'storms',
    leads: ['A violent storm battered {place} {when}', 'Hurricane-force winds lashed the coast around {place} {when}', 'A winter storm swept across {place} {when}'],
    figures: [
      { key: 'killed', unit: 'people', range: [2, 30], q: 'at least', ctx: ['{F} were killed', 'the storm killed {F}', 'killing {F}'] },
      { key: 'power', unit: 'households', range: [5000, 400000], round: 1000, q: 'more than', ctx: ['{F} lost power', '{F} were left without electricity'] },
      { key: 'flights', unit: 'flights', range: [40, 900], round: 10, q: 'about', ctx: ['{F} were cancelled at the main airport', 'airlines scrapped {F}'] },
      { key: 'trees', unit: 'trees', range: [200, 9000], round: 100, q: 'thousands', ctx: ['{F} were brought down across the region', 'crews cleared {F} from roads'] },
    ],
    roles: ['a meteorologist at the national weather service', 'the head of the regional grid operator', 'the mayor of {place}', 'a spokesperson for the emergency services'],
  },
  protest: {
    noun: 'protest', nouns: 'protests',
    leads: ['Tens of thousands marched through {place} {when}', 'Protesters filled the main square of {place} {when}', 'Demonstrators clashed with police in {place} {when}'],
    figures: [
      { key: 'crowd', unit: 'protesters', range: [5000, 150000], round: 1000, q: 'about', ctx: ['{F} took part, organisers said', 'police estimated the crowd at {F}'] },
      { key: 'arrested', unit: 'people', range: [10, 400], q: 'more than', ctx: ['{F} were arrested', 'police detained {F}'] },
      { key: 'officers', unit: 'officers', range: [5, 90], q: 'at least', ctx: ['{F} were injured', '{F} needed hospital treatment'] },
      { key: 'percent', unit: 'percent', range: [8, 40], q: '', ctx: ['a proposed {F} rise in fuel prices set off the demonstrations', 'the government plans a {F} cut to pensions'] },
    ],
    roles: ['an organiser of the march', 'the interior minister', 'a police spokesperson in {place}', 'a student leader'],
  },
  strike: {
    noun: 'strike', nouns: 'strikes',
    leads: ['Workers walked out across {place} {when}', 'A general strike brought {place} to a standstill {when}', 'Transport workers in {place} began a strike {when}'],
    figures: [
      { key: 'workers', unit: 'workers', range: [3000, 90000], round: 500, q: 'more than', ctx: ['{F} joined the stoppage', 'the union said {F} had walked out'] },
      { key: 'flights', unit: 'flights', range: [30, 700], round: 10, q: 'about', ctx: ['{F} were cancelled', 'airlines grounded {F}'] },
      { key: 'pay', unit: 'percent', range: [4, 15], q: '', ctx: ['the union is demanding a {F} pay rise', 'employers offered {F} over two years'] },
      { key: 'days', unit: 'hours', range: [24, 96], q: '', ctx: ['the walkout is due to last {F}', 'union leaders said the stoppage would run for {F}'] },
    ],
    roles: ['the general secretary of the transport workers’ union', 'the labour minister', 'a spokesperson for the employers’ federation', 'a shop steward in {place}'],
  },
  raid: {
    noun: 'attack', nouns: 'attacks',
    leads: ['Missiles and drones struck {place} overnight {when}', 'A massive air attack hit {place} {when}', 'Explosions rocked {place} {when} as air defences fired into the night'],
    figures: [
      { key: 'missiles', unit: 'missiles', range: [8, 60], q: '', ctx: ['{F} were launched at the city', 'the military said it had tracked {F}'] },
      { key: 'drones', unit: 'drones', range: [40, 500], q: 'more than', ctx: ['{F} were fired in the attack', 'air defences shot down {F}'] },
      { key: 'killed', unit: 'people', range: [2, 35], q: 'at least', ctx: ['{F} were killed', 'the strikes killed {F}', 'killing {F}'] },
      { key: 'power', unit: 'homes', range: [2000, 200000], round: 1000, q: 'up to', ctx: ['{F} were left without power', 'the strikes cut electricity to {F}'] },
    ],
    roles: ['the head of the regional military administration', 'the air force spokesperson', 'the mayor of {place}', 'the energy minister'],
  },
  election: {
    noun: 'election', nouns: 'elections',
    leads: ['Voters in {place} went to the polls {when}', 'Polls closed in the {place} regional election {when}', 'Counting began in {place} {when} after a tight campaign'],
    figures: [
      { key: 'share', unit: 'percent', range: [31, 58], q: 'about', ctx: ['the governing party won {F} of the vote', 'the incumbent took {F} of ballots cast'] },
      { key: 'turnout', unit: 'percent', range: [42, 78], q: '', ctx: ['turnout reached {F}', 'officials put turnout at {F}'] },
      { key: 'seats', unit: 'seats', range: [12, 90], q: '', ctx: ['the opposition won {F} in the assembly', 'the alliance secured {F}'] },
      { key: 'voters', unit: 'voters', range: [200000, 3000000], round: 10000, q: 'some', ctx: ['{F} were registered to take part', 'the electoral roll listed {F}'] },
    ],
    roles: ['the head of the electoral commission', 'the opposition leader', 'the regional governor', 'a political scientist at the University of {place}'],
  },
  crash: {
    noun: 'crash', nouns: 'crashes',
    leads: ['A bus plunged into a ravine near {place} {when}', 'A coach collided with a lorry on the motorway outside {place} {when}', 'A crowded minibus overturned near {place} {when}'],
    figures: [
      { key: 'killed', unit: 'people', range: [3, 40], q: 'at least', ctx: ['{F} were killed', 'the crash killed {F}', 'killing {F}'] },
      { key: 'injured', unit: 'passengers', range: [5, 60], q: 'more than', ctx: ['{F} were injured', 'ambulances took {F} to hospital'] },
      { key: 'aboard', unit: 'passengers', range: [20, 70], q: 'about', ctx: ['the bus was carrying {F}', '{F} were on board'] },
      { key: 'speed', unit: 'kilometres', range: [70, 140], q: 'more than', ctx: ['police said the bus was travelling at {F} an hour', 'the coach was going {F} an hour over the limit'] },
    ],
    roles: ['the police chief of {place}', 'the transport minister', 'a spokesperson for the bus company', 'a doctor at the {place} general hospital'],
  },
};
const KIND_NAMES = Object.keys(KINDS);

// Quotes: an opening clause and a continuation; {place} and {noun} make them the event's own.
const QUOTE_A = [
  'We have never seen anything like this in {place}',
  'Our teams are working around the clock to reach every family',
  'The {noun} came so fast that many people had no time to react',
  'I want to thank the volunteers who stayed through the night',
  'This is a very difficult day for everyone in {place}',
  'We are doing everything we can to help the people affected',
  'Nobody expected the {noun} to be this serious',
  'The government must explain why the warnings were ignored',
  'We will not rest until everyone is accounted for',
  'People here are angry and they have every right to be',
  'It was like nothing I have ever experienced in my life',
  'The situation remains extremely dangerous in several districts',
  'We need more help from the capital and we need it now',
  'Families in {place} have lost almost everything they had',
  'Our hospitals are full but the staff are holding up well',
  'The first hours were complete chaos on the ground',
  'There will be a full and independent investigation into the {noun}',
  'This could have been prevented with better planning',
  'We owe it to the victims to find out what went wrong',
  'The whole country is standing with the people of {place}',
];
const QUOTE_B = [
  'and we will rebuild every street',
  'but the hardest days are still ahead',
  'and nobody should have to live through that',
  'so we are asking people to stay away from the area',
  'but we cannot promise that the numbers will not rise',
  'and we will publish everything we find',
  'because people deserve to know the truth',
  'and that is what we will tell the families',
  'but the recovery will take many months',
  'and the next few days will be critical',
  'so every available crew has been sent to {place}',
  'and I have asked for extra resources from the capital',
  'but the old warning systems simply failed',
  'and the damage is worse than we feared',
  'because the roads into {place} are still blocked',
  'and we will not accept excuses this time',
];
// Word swaps that copy editors and translators make inside quotes.
const DRIFT = {
  everyone: 'everybody', very: 'extremely', extremely: 'very', help: 'support', working: 'labouring', anything: 'something',
  angry: 'furious', full: 'overwhelmed', complete: 'total', whole: 'entire', months: 'years', truth: 'facts', damage: 'destruction',
  hardest: 'toughest', critical: 'crucial', area: 'region', lost: 'lost', need: 'want', simply: 'just', explain: 'say', street: 'home',
  families: 'relatives', country: 'nation', rebuild: 'restore', worse: 'far worse', publish: 'share', promise: 'guarantee',
};

const BACKGROUND_CIVIC = [
  'The dispute has dragged on for months, and talks between the two sides broke down last week.',
  'Opposition politicians accused the government of ignoring the concerns of ordinary people.',
  'Analysts said the outcome would shape national politics for years to come.',
  'Business groups warned that the disruption was costing the economy millions every day.',
  'Police closed several streets in the centre of {place} and diverted traffic.',
  'The government has said it is open to dialogue but will not change course.',
  'Television footage showed crowds gathering outside the town hall in {place}.',
  'Observers from several international organisations monitored the process.',
  'Commuters faced long delays as replacement services struggled to cope.',
  'Turnout and participation were higher in the cities than in rural districts.',
  'Both sides blamed each other for the failure to reach an agreement.',
  'The prime minister called for calm and urged all parties to return to talks.',
  'Similar {nouns} took place in other cities, though on a smaller scale.',
  'Union leaders said further action could follow if their demands were not met.',
  'The previous government faced a similar wave of {nouns} three years ago.',
  'Small traders in {place} said they had lost most of a week’s takings.',
];
const CIVIC = new Set(['protest', 'strike', 'election']);
const BACKGROUND = [
  'The region has been hit by repeated {nouns} in recent years, and residents have long complained about a lack of investment.',
  'Officials said the cause was still under investigation and declined to speculate.',
  'Aid agencies warned that the needs of displaced families would grow as temperatures dropped.',
  'Opposition politicians accused the authorities of being slow to respond.',
  'Television footage showed rescue workers picking through debris as relatives waited nearby.',
  'Neighbouring countries offered to send specialist teams and equipment.',
  'Schools and offices in the area were closed until further notice.',
  'Insurance industry analysts said the losses could run into hundreds of millions.',
  'Local volunteers set up kitchens in church halls and sports centres.',
  'The prime minister was expected to visit the area later in the week.',
  'Critics said the disaster exposed years of neglect of basic infrastructure.',
  'Residents described hearing a loud roar moments before the {noun}.',
  'A state of emergency was declared for the surrounding district.',
  'The national broadcaster interrupted its programmes to carry updates.',
  'Road and rail links to the rest of the country were cut for several hours.',
  'Hospitals in neighbouring towns cancelled routine operations to free up beds.',
  'Environmental groups said the {noun} showed the cost of ignoring scientific advice.',
  'The last comparable {noun} in the area was recorded more than a decade ago.',
  'Engineers were inspecting bridges and roads for structural damage.',
  'The army deployed soldiers and heavy equipment to help clear the area.',
  'Mobile phone networks were down for much of the day, making it hard to reach relatives.',
  'Charities launched appeals for blankets, food and drinking water.',
  'Forecasters warned that conditions could worsen before they improved.',
  'Several villages near {place} could only be reached by helicopter.',
];

// ---------------------------------------------------------------------------------------------------------------
// The world: events, by popularity rank (event 0 is the most covered).

const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86400000;

function makeEvent(seed, id) {
  const r = rngFor(seed, 'event', id);
  const kindName = KIND_NAMES[id % KIND_NAMES.length];
  const kind = KINDS[kindName];
  const place = coined(r, r.int(1, 2), PLACE_END);
  const dayNumber = r.int(0, 700);
  const date = new Date(EPOCH + dayNumber * DAY);
  const fill = (s) => s.replaceAll('{place}', place).replaceAll('{noun}', kind.noun).replaceAll('{nouns}', kind.nouns);
  const speakers = r.shuffle(kind.roles).slice(0, 3).map((role) => {
    const name = `${r.pick(FIRST)} ${coined(r, r.int(1, 2), SURNAME_END)}`;
    const quotes = [];
    for (let i = 0, n = r.int(1, 2); i < n; i++) quotes.push(fill(`${r.pick(QUOTE_A)}, ${r.pick(QUOTE_B)}`));
    return { name, role: fill(role), quotes };
  });
  const figures = kind.figures.map((f) => {
    let value = r.int(f.range[0], f.range[1]);
    if (f.round) value = Math.max(f.round, Math.round(value / f.round) * f.round);
    return { ...f, value, ctx: f.ctx.map(fill) };
  });
  return {
    id, kind: kindName, place, date, speakers, figures,
    leads: kind.leads.map(fill),
    background: r.shuffle(CIVIC.has(kindName) ? BACKGROUND_CIVIC : BACKGROUND).slice(0, 8).map(fill),
  };
}

const eventCache = new Map();
function eventOf(seed, id) {
  const key = `${seed}/${id}`;
  if (!eventCache.has(key)) eventCache.set(key, makeEvent(seed, id));
  return eventCache.get(key);
}

let cumulative;
function zipfPick(r) {
  if (!cumulative) {
    cumulative = [];
    let total = 0;
    for (let i = 1; i <= POOL; i++) cumulative.push((total += i ** -ZIPF));
    cumulative = cumulative.map((c) => c / total);
  }
  const x = r.next();
  let lo = 0;
  let hi = POOL - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

function isoOf(date) {
  return date.toISOString().slice(0, 10);
}
function writtenDate(date, style) {
  const d = date.getUTCDate();
  const m = MONTHS[date.getUTCMonth()];
  return style === 'us' ? `${m} ${d}` : `${d} ${m}`;
}
function number(value, style, r) {
  if (value < 10 && (style === 'us' || r.chance(0.7))) return SMALL[value];
  return value >= 1000 ? value.toLocaleString('en-US') : String(value);
}
function figureText(fig, value, qualifier, style, r) {
  if (fig.unit === 'percent') return `${qualifier ? qualifier + ' ' : ''}${value}${style === 'us' ? ' percent' : r.chance(0.5) ? '%' : ' per cent'}`;
  if (qualifier === 'thousands') return `thousands of ${fig.unit}`;
  const unit = value === 1 ? fig.unit.replace(/s$/, '') : fig.unit;
  return `${qualifier ? qualifier + ' ' : ''}${number(value, style, r)} ${unit}`;
}
/** How one source reports a figure: usually the canonical value, sometimes an earlier toll or a reworded qualifier. */
function reportedFigure(fig, r) {
  const x = r.next();
  let value = fig.value;
  let q = fig.q;
  if (x < 0.15 && fig.key === 'killed') {
    value = Math.max(1, Math.round(fig.value * (0.6 + 0.3 * r.next())));
    q = 'at least';
  } else if (x < 0.25) {
    q = { 'more than': 'over', 'about': r.pick(['around', 'some', 'roughly']), 'at least': 'at least', 'some': 'about', 'up to': 'as many as', '': '' }[q] ?? q;
  } else if (x < 0.3 && fig.round && value >= 1000) {
    value = Math.round(value / 1000) * 1000;
    q = q || 'about';
  } else if (x < 0.33) q = '';
  return { value, q };
}
function driftQuote(quote, r) {
  const words = quote.split(' ');
  const swappable = words.map((w, i) => (DRIFT[w] ? i : -1)).filter((i) => i >= 0);
  if (swappable.length && r.chance(0.7)) {
    const i = r.pick(swappable);
    words[i] = DRIFT[words[i]];
    return words.join(' ');
  }
  const cut = r.int(1, words.length - 5);
  return words.filter((_, i) => i !== cut).join(' ');
}
/** The words a source puts in the speaker's mouth: mostly verbatim, sometimes drifted or partial. */
function reportedQuote(quote, r) {
  const x = r.next();
  if (x < 0.75) return { words: quote, partial: false };
  if (x < 0.9) return { words: driftQuote(quote, r), partial: false };
  const half = quote.split(', ')[r.int(0, 1)] ?? quote;
  return { words: half, partial: true };
}
function attributeQuote(speaker, words, partial, r, first) {
  const surname = speaker.name.split(' ').pop();
  const who = first ? speaker.name : surname;
  const role = first ? `, ${speaker.role},` : '';
  if (partial) return `${who}${role} said the ${r.pick(['authorities', 'crews', 'officials'])} knew that "${words}".`;
  switch (r.int(0, 4)) {
    case 0: return `"${words}," ${who} said.`;
    case 1: return `"${words}," said ${speaker.name}${first ? `, ${speaker.role}` : ''}.`;
    case 2: return `${who}${role} told reporters: "${words}."`;
    case 3: return `"${words}," ${who}${role} said in a statement.`;
    default: return `Speaking to reporters in ${r.pick(['the capital', 'the town', 'the city'])}, ${who}${role} said: "${words}."`;
  }
}
const GERUND = /^\w+ing\b/;
/** A context that stands as a clause of its own ("{F} were killed", not "killing {F}"). */
function clauseOf(fig, f, r) {
  const clauses = fig.ctx.filter((c) => !GERUND.test(c));
  return r.pick(clauses.length ? clauses : fig.ctx).replace('{F}', f);
}
/** Joins a fact onto a lead clause: ", killing at least 12 people" or ", and 300 homes were flooded". */
function tailOf(fig, f, r) {
  const ctx = r.pick(fig.ctx).replace('{F}', f);
  return GERUND.test(ctx) ? `, ${ctx}` : `, and ${ctx}`;
}
function figureSentence(ev, fig, style, r, attribution = true) {
  const { value, q } = reportedFigure(fig, r);
  const f = figureText(fig, value, q, style, r);
  const ctx = clauseOf(fig, f, r);
  if (!attribution) return cap(ctx) + '.';
  switch (r.int(0, 3)) {
    case 0: return `According to ${r.pick(['officials', 'the authorities', 'local officials', 'emergency services', `the ${ev.speakers[0].role.replace(/^(the|a|an) /, '')}`])}, ${ctx}.`;
    case 1: return `${cap(ctx)}, ${r.pick(['officials said', 'authorities said', 'the ministry said', 'according to local media'])}.`;
    case 2: return `${ev.speakers[r.int(0, ev.speakers.length - 1)].name.split(' ').pop()} said ${ctx}.`;
    default: return `${cap(ctx)}.`;
  }
}
function whenOf(ev, style, r, sourceDate) {
  const weekday = WEEKDAYS[ev.date.getUTCDay()];
  const sameWeek = (sourceDate - ev.date) / DAY < 6;
  const x = r.next();
  if (x < 0.5 && sameWeek) return `on ${weekday}`;
  if (x < 0.7 && sameWeek) return `late on ${weekday}`;
  return `on ${writtenDate(ev.date, style)}`;
}

/** One source: a main story and a brief or two, in wire style. */
export function makeSource(seed, i) {
  const r = rngFor(seed, 'source', i);
  const [outlet, style] = r.pick(OUTLETS);
  const main = eventOf(seed, zipfPick(r));
  const briefs = [];
  for (let n = r.int(0, 2); n > 0; n--) {
    const b = eventOf(seed, zipfPick(r));
    if (b.id !== main.id && !briefs.includes(b)) briefs.push(b);
  }
  const date = new Date(main.date.getTime() + r.int(0, 2) * DAY);
  const paragraphs = [];
  const kind = KINDS[main.kind];
  const dateline = main.place.toUpperCase();
  const figs = r.shuffle(main.figures);
  const leadFigure = reportedFigure(figs[0], r);
  const leadFact = tailOf(figs[0], figureText(figs[0], leadFigure.value, leadFigure.q, style, r), r);
  paragraphs.push(`${dateline} (${outlet}) — ${r.pick(main.leads).replace('{when}', whenOf(main, style, r, date))}${leadFact}.`);
  const speakers = r.shuffle(main.speakers);
  const named = new Set();
  const quoteParagraph = (speaker) => {
    const q = reportedQuote(r.pick(speaker.quotes), r);
    const first = !named.has(speaker.name);
    named.add(speaker.name);
    return attributeQuote(speaker, q.words, q.partial, r, first);
  };
  paragraphs.push(`${figureSentence(main, figs[1], style, r)} ${figureSentence(main, figs[2], style, r)}`);
  paragraphs.push(quoteParagraph(speakers[0]));
  if (r.chance(0.7)) paragraphs.push(`${r.pick(main.background)} ${figureSentence(main, figs[3], style, r)}`);
  paragraphs.push(quoteParagraph(speakers[1]) + (r.chance(0.5) ? ' ' + r.pick(main.background) : ''));
  if (r.chance(0.6)) paragraphs.push(quoteParagraph(speakers[2 % speakers.length]));
  paragraphs.push(r.shuffle(main.background).slice(0, 3).join(' '));
  if (r.chance(0.6)) paragraphs.push(`${figureSentence(main, figs[0], style, r)} ${r.pick(main.background)}`);
  for (const b of briefs) {
    const bf = r.shuffle(b.figures);
    const bdate = whenOf(b, style, r, date);
    paragraphs.push(`In other news, ${r.pick(b.leads).replace('{when}', bdate).replace(/^./, (c) => c.toLowerCase())}. ${figureSentence(b, bf[0], style, r)}`);
    const s = r.pick(b.speakers);
    paragraphs.push(attributeQuote(s, reportedQuote(r.pick(s.quotes), r).words, false, r, true));
  }
  const title = `${cap(kind.noun)} in ${main.place}: ${r.pick(['toll rises', 'rescuers search for survivors', 'officials promise inquiry', 'what we know', 'anger grows'])}`;
  const text = `---\ntitle: "${title}"\noutlet: ${outlet}\ndate: ${isoOf(date)}\n---\n\n${paragraphs.join('\n\n')}\n`;
  return { name: `${String(i).padStart(5, '0')}_${main.kind}_${main.place.toLowerCase()}.txt`, text };
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

const OWN_QUOTES = [
  'I heard the sirens and grabbed my children',
  'Nobody came to help us for hours',
  'We have lived here for forty years and never seen this',
  'My shop is gone, everything I built is gone',
  'The neighbours pulled two people out before the rescuers arrived',
  'I just want to know that my brother is safe',
];
const RESIDENTS = ['a resident who gave only her first name', 'a shopkeeper on the main street', 'a retired teacher', 'a volunteer at one of the shelters'];

function misspell(name, r) {
  const parts = name.split(' ');
  const s = parts[parts.length - 1];
  if (s.length < 4) return name;
  const i = r.int(1, s.length - 3);
  const changed = r.chance(0.5) ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s.slice(0, i) + s[i] + s.slice(i);
  parts[parts.length - 1] = changed === s ? s + 'e' : changed;
  return parts.join(' ');
}

/** A draft section about one event: facts from the sources' canonical versions, some deliberately wrong. */
function draftSection(ev, r, planted) {
  const style = 'gb';
  const paras = [];
  const figs = r.shuffle(ev.figures);
  const plant = (type, detail) => planted.push({ event: ev.id, type, detail });
  const fig = (f) => {
    const x = r.next();
    if (x < 0.1) {
      const wrong = f.value + Math.max(1, Math.round(f.value * (0.2 + 0.4 * r.next()))) * (r.chance(0.5) ? 1 : -1);
      plant('figure/conflict', `${f.key}: ${f.value} → ${Math.max(1, wrong)}`);
      return figureText(f, Math.max(1, wrong), f.q, style, r);
    }
    if (x < 0.16 && f.q && f.q !== 'thousands') {
      plant('figure/qualifier', `${f.key}: dropped "${f.q}"`);
      return figureText(f, f.value, '', style, r);
    }
    return figureText(f, f.value, f.q, style, r);
  };
  let date = ev.date;
  if (r.chance(0.1)) {
    date = new Date(ev.date.getTime() + (r.chance(0.5) ? 1 : -1) * r.int(1, 3) * DAY);
    plant('date/conflict', `${isoOf(ev.date)} → ${isoOf(date)}`);
  }
  paras.push(`${r.pick(ev.leads).replace('{when}', `on ${writtenDate(date, style)}`)}${tailOf(figs[0], fig(figs[0]), r)}. ${cap(clauseOf(figs[1], fig(figs[1]), r))}, officials said.`);
  const sp = r.shuffle(ev.speakers);
  const quoteOf = (speaker, other) => {
    let words = speaker.quotes[0];
    let name = speaker.name;
    const x = r.next();
    if (x < 0.1) {
      words = driftQuote(words, r);
      plant('quote/altered', words);
    } else if (x < 0.17 && other) {
      name = other.name;
      plant('quote/misattributed', `${speaker.name} → ${other.name}`);
    } else if (x < 0.24) {
      name = misspell(name, r);
      plant('name/misspelled', `${speaker.name} → ${name}`);
    }
    return `"${words}," said ${name}, ${speaker.role}.`;
  };
  paras.push(quoteOf(sp[0], sp[1]));
  paras.push(`${r.pick(ev.background)} ${cap(clauseOf(figs[2], fig(figs[2]), r))}, according to the authorities.`);
  if (r.chance(0.6)) paras.push(quoteOf(sp[1], sp[2]));
  if (r.chance(0.4)) paras.push(`"${r.pick(OWN_QUOTES)}," said ${r.pick(RESIDENTS)}.`);
  if (r.chance(0.5)) paras.push(`${cap(clauseOf(figs[3], fig(figs[3]), r))}. ${r.pick(ev.background)}`);
  return paras;
}

/** Variant 0 is the draft; other variants are all-new drafts of the same kind and length (for cold checks). */
function makeDraft(seed, words, variant = 0) {
  const r = rngFor(seed, 'draft', words, variant);
  const planted = [];
  const paras = [];
  let count = 0;
  // The most covered events first, as a roundup would; cycle if the draft is long.
  for (let k = variant * 7; count < words; k++) {
    const ev = eventOf(seed, k % 120);
    paras.push(`## ${cap(KINDS[ev.kind].noun)} in ${ev.place}`);
    for (const p of draftSection(ev, r, planted)) {
      paras.push(p);
      count += p.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  const text = `---\ntitle: Week in review (${words} words)\ndate: 2025-12-01\n---\n\n${paras.join('\n\n')}\n`;
  return { text, planted };
}

// ---------------------------------------------------------------------------------------------------------------
// Caching on disk

const GENERATOR_HASH = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 10);

export function benchDir(seed) {
  return join(BENCH_ROOT, `seed${seed}-${GENERATOR_HASH}`);
}

/** Data an older version of this generator wrote for the same seed is stale: remove it. */
function pruneStale(seed) {
  if (!existsSync(BENCH_ROOT)) return;
  const current = `seed${seed}-${GENERATOR_HASH}`;
  for (const name of readdirSync(BENCH_ROOT)) if (name.startsWith(`seed${seed}-`) && name !== current) rmSync(join(BENCH_ROOT, name), { recursive: true, force: true });
}

/** The corpus folder for `size` sources, generated on first use. */
export function ensureCorpus(seed, size) {
  const dir = join(benchDir(seed), `corpus-${size}`);
  const done = `${dir}.done`;
  if (existsSync(done)) return dir;
  pruneStale(seed);
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const { name, text } = makeSource(seed, i);
    writeFileSync(join(tmp, name), text);
    bytes += text.length;
  }
  renameSync(tmp, dir);
  writeFileSync(done, JSON.stringify({ size, bytes }));
  return dir;
}

/**
 * Drafts of each length (markdown), outside every corpus folder, with a planted-errors manifest beside them; and
 * `variants` all-new drafts of each length under drafts/variants/, for measuring checks of text never seen before.
 */
export function ensureDrafts(seed, variants = 8) {
  const dir = join(benchDir(seed), 'drafts');
  const done = `${dir}.done`;
  const paths = Object.fromEntries(DRAFT_WORDS.map((w) => [w, join(dir, `draft-${w}.md`)]));
  paths.variants = Object.fromEntries(DRAFT_WORDS.map((w) => [w, Array.from({ length: variants }, (_, v) => join(dir, 'variants', `draft-${w}.v${v + 1}.md`))]));
  if (existsSync(done) && Number(readFileSync(done, 'utf8') || 0) >= variants) return paths;
  mkdirSync(join(dir, 'variants'), { recursive: true });
  const manifest = {};
  for (const w of DRAFT_WORDS) {
    const { text, planted } = makeDraft(seed, w);
    writeFileSync(paths[w], text);
    manifest[w] = planted;
    paths.variants[w].forEach((path, v) => writeFileSync(path, makeDraft(seed, w, v + 1).text));
  }
  writeFileSync(join(dir, 'planted.json'), JSON.stringify(manifest, null, 1));
  writeFileSync(done, String(variants));
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const seed = Number(arg('--seed', '1'));
  const sizes = arg('--sizes', '100,1000,10000').split(',').map(Number);
  for (const size of sizes) {
    const t = performance.now();
    console.log(`${ensureCorpus(seed, size)}  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const drafts = ensureDrafts(seed);
  for (const w of DRAFT_WORDS) console.log(`${drafts[w]}  (${w} words; ${drafts.variants[w].length} all-new variants in ${join(benchDir(seed), 'drafts', 'variants')})`);
}
