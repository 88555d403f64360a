// How one person's name can be written: romanisation variants and the same first name in another language.

/**
 * The "transliteration skeleton" of a name: the key two romanisations of one name share. It folds the alternations
 * romanisation systems and house styles differ on, and nothing else, so a dropped, doubled or changed letter outside
 * them (Kalas for Kallas, Umarov for Umerov) keeps its own key:
 * - the -y / -yy / -iy / -yi / -ii / -i / -ij endings (Zelensky, Zelenskyy, Zelenskiy, Zelenskyi, Zelenskij);
 * - i and y anywhere, so ei / ey (Sergei, Sergey) and ia / ya (Natalia, Natalya), and ii before a vowel (Yuliia, Yulia);
 * - j, y or i opening a name before a vowel (Yuri, Iuri, Juri);
 * - kh and h (Mykhailo, Mihailo), ts and tz, x and ks (Alexei, Aleksei); accents dropped;
 * - a long vowel written doubled or single (Pragyaan, Pragyan; Sreedhar, Sridhar; Poonam, Punam);
 * - British and American -isation / -ization in a name's common word (Organisation, Organization), and -ence /
 *   -ense in defence, licence, offence, pretence (Self-Defence Force, Self-Defense Force).
 */
export function transliterationSkeleton(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/kh/g, 'h')
    .replace(/tz/g, 'ts')
    .replace(/x/g, 'ks')
    .replace(/^[jy](?=[aeiou])/, 'i')
    .replace(/j(?![aeiouy])/g, 'i')
    .replace(/y/g, 'i')
    .replace(/i+$/, 'i')
    .replace(/i{2,}(?=[aeiou])/g, 'i')
    .replace(/aa+/g, 'a')
    .replace(/ee+/g, 'i')
    .replace(/oo+/g, 'u')
    .replace(/(?<=..)iz(ation|e[ds]?|ing)$/, 'is$1')
    .replace(/(def|lic|off|pret)ence$/, '$1ense');
}

/**
 * First names in their Ukrainian, Russian, Polish and English forms, one name per row (each form's romanisation
 * variants need not be listed: rows are looked up by skeleton). Compiled by hand from the official Ukrainian
 * romanisation (KMU 2010), the common English-language press spellings of Russian names, and the names' usual
 * English and Polish equivalents. Rows of one form are names too: two names in different rows are different names,
 * however close their spelling (Maria and Marta, Oleh and Olha).
 */
const GIVEN_NAME_ROWS: readonly string[] = [
  'volodymyr vladimir wladimir wlodzimierz',
  'oleksandr aleksandr alexander alexandr oleksander aleksander alexandre',
  'oleksandra aleksandra alexandra',
  'andriy andrei andrew andrzej andreas',
  'serhiy sergei sergiy serge',
  'yuriy yuri',
  'dmytro dmitry',
  'oleksiy alexei alexey aleksei',
  'mykhailo mikhail michael michal',
  'mykola nikolai nicholas nikolaj mikolaj',
  'pavlo pavel paul pawel',
  'hryhoriy grigory gregory grzegorz',
  'petro pyotr petr peter piotr',
  'vasyl vasily vasili vassily wasyl',
  'viktor victor wiktor',
  'yevhen yevgeny evgeny eugene jewgienij',
  'heorhiy georgy georgiy george jerzy',
  'hennadiy gennady',
  'ihor igor',
  'oleh oleg',
  'bohdan bogdan',
  'yaroslav jaroslaw',
  'viacheslav vyacheslav',
  'kostiantyn kostyantyn konstantin constantine konstanty',
  'stanislav stanislaw',
  'maksym maxim maksim',
  'kyrylo kirill cyril',
  'mykyta nikita',
  'denys denis',
  'borys boris',
  'illia ilya ilia',
  'yakiv yakov jakub jacob',
  'fedir fyodor fedor',
  'semen semyon',
  'stepan stefan stephen',
  'vitaliy vitaly',
  'valeriy valery',
  'anatoliy anatoly',
  'arseniy arseny',
  'leonid',
  'roman',
  'taras',
  'ivan iwan',
  'ivana',
  'kateryna yekaterina ekaterina katerina catherine katarzyna',
  'nataliya natalia natalie',
  'tetiana tatiana tatyana',
  'yuliia yulia julia',
  'iryna irina',
  'olena yelena elena helen',
  'olha olga',
  'svitlana svetlana',
  'liudmyla lyudmila ludmila',
  'halyna galina',
  'mariya maria',
  'marta',
  'hanna anna',
  'dariya daria',
  'viktoriia victoria wiktoria',
  'nadiya nadezhda',
  'valentyna valentina',
  'larysa larisa',
  'anastasiia anastasia',
  'khrystyna kristina christina krystyna',
  'vira vera',
  'oksana',
];

/** Row number by skeleton of each form. */
const ROW_OF = new Map<string, number>();
GIVEN_NAME_ROWS.forEach((row, i) => {
  for (const form of row.split(' ')) ROW_OF.set(transliterationSkeleton(form), i);
});

/** Whether `name` is a first name this table knows. */
export function isKnownGivenName(name: string): boolean {
  return ROW_OF.has(transliterationSkeleton(name));
}

/** The other-language forms of a first name, lower case (Vladimir → volodymyr, wladimir, …), or none if unknown. */
export function otherGivenNameForms(name: string): string[] {
  const key = transliterationSkeleton(name);
  const row = ROW_OF.get(key);
  if (row === undefined) return [];
  return GIVEN_NAME_ROWS[row].split(' ').filter((form) => transliterationSkeleton(form) !== key);
}

/** Two forms of one first name in different languages (Volodymyr and Vladimir), not the same spelling. */
export function areGivenNameForms(a: string, b: string): boolean {
  const x = ROW_OF.get(transliterationSkeleton(a));
  return x !== undefined && x === ROW_OF.get(transliterationSkeleton(b)) && transliterationSkeleton(a) !== transliterationSkeleton(b);
}

/** Two first names the table knows as different names (Maria and Marta). */
export function areDistinctGivenNames(a: string, b: string): boolean {
  const x = ROW_OF.get(transliterationSkeleton(a));
  const y = ROW_OF.get(transliterationSkeleton(b));
  return x !== undefined && y !== undefined && x !== y;
}

/**
 * One name is the other's feminine form, so names another person: Ivan / Ivana, Petrov / Petrova, Zelensky / Zelenska,
 * Navalny / Navalnaya.
 * Lower case in.
 */
export function areGenderedForms(a: string, b: string): boolean {
  return isFeminineOf(a, b) || isFeminineOf(b, a);
}

/** -sky, -skyi, -skiy, -ski, -skij (also -tsky, -cki, -zky): the masculine ending whose feminine is -ska. */
const MASCULINE_SKY = /^(.*[sczk]k)(?:[iy]+|ij)$/;
/** Russian adjective surnames, -y, -iy, -yi, -oy: the masculine ending whose feminine is -aya (Navalny / Navalnaya). */
const MASCULINE_ADJECTIVE = /^(.*[^aeiouy])(?:y|iy|yi|yy|oy)$/;

function isFeminineOf(feminine: string, masculine: string): boolean {
  if (feminine === masculine + 'a') return true;
  const sky = MASCULINE_SKY.exec(masculine);
  if (sky && feminine === sky[1] + 'a') return true;
  const adjective = MASCULINE_ADJECTIVE.exec(masculine);
  return !!adjective && feminine === adjective[1] + 'aya';
}
