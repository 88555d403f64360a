// name/misspelled: a name one or two letters away from a name the sources use, which the sources never use themselves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES, describeClaimAt } from '../../server/src/engine';
import { closestName } from '../../server/src/checks/nameMisspelled';
import { assertEvidence, corpusOf, ruleFindings, single } from './helpers';

const ONE = `---
title: Talks
date: 2025-11-25
outlet: Wire One
---

Rustem Umerov, head of Ukraine's security council, met Dan Driscoll in Abu Dhabi.

EU foreign policy chief Kaja Kallas said Russia should stay out of the G8.

Umerov said the talks in Geneva were useful. Kallas agreed.

Russian forces hit Zaporizhzhia overnight.
`;
const TWO = `---
title: Talks again
date: 2025-11-25
---

Umerov and Driscoll met again in Abu Dhabi on Tuesday.
`;
const corpus = corpusOf([ONE, TWO]);
const misspelled = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(corpus, draft, 'name/misspelled', options);

describe('name/misspelled fires', () => {
  const FIRES: Array<[string, string, string, string]> = [
    ['Rustem Umarov, who led the team, said the talks had gone well.', 'Umarov', 'Umerov', 'one letter changed'],
    ['EU foreign policy chief Kaja Kalas said Russia should stay out of the G8.', 'Kalas', 'Kallas', 'one letter dropped'],
    ['Russian forces hit Zaporizhia overnight.', 'Zaporizhia', 'Zaporizhzhia', 'two letters off a long name'],
    ["The talks were led by Ukraine's Rustem Umarov.", 'Umarov', 'Umerov', 'at the end of a sentence'],
    ["Umarov's team met in Geneva.", 'Umarov', 'Umerov', 'a possessive: the range leaves out the \'s'],
    ['Rustem Umerov met Dan Driscol in Abu Dhabi.', 'Driscol', 'Driscoll', 'a dropped double letter at the end'],
  ];
  for (const [draft, covering, suggestion, why] of FIRES) {
    it(`${why}: ${covering} → ${suggestion}`, () => {
      const f = single(misspelled(draft), covering);
      assert.equal(f.text, covering);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.suggestions, [suggestion]);
      assert.match(f.message, new RegExp(`“${covering}” is not in the sources; they spell it “${suggestion}”`));
      assertEvidence(corpus, f);
      assert.ok(f.evidence.every((e) => e.excerpt.includes(suggestion)));
    });
  }

  it('counts the mentions of the corpus spelling', () => {
    assert.match(single(misspelled('Rustem Umarov, who led the team, said so.'), 'Umarov').message, /\(3 mentions\)/);
  });

  // Regression (was an engine bug, fixed in eb95b2e): isHeadline() treats any sentence whose words are over 60% capitalised as a title-case headline, so "Rustem Umarov met Dan Driscoll in Abu Dhabi." is never checked
  it('checks sentences that name several people', () => {
    single(misspelled('Rustem Umarov met Dan Driscoll in Abu Dhabi.'), 'Umarov');
  });
});

describe('name/misspelled stays quiet', () => {
  const QUIET: Array<[string, string]> = [
    ['The talks, said Rustem Umerov, had gone well.', 'the corpus spelling'],
    ['Russia and the Russians hit Kyiv.', '"Russian" and "Russia" are different words, not misspellings'],
    ['The team met Olena Marchenko, a pharmacist.', 'a name the corpus does not know'],
    ['The rebels said the talks had gone well.', 'lower-case words are not names'],
    ['Talks With Rustem Umarov Went Well In Abu Dhabi', 'a title-case headline is not checked'],
    ['Kallas, Umerov and Driscoll met in Abu Dhabi.', 'several names, all spelled right'],
    ['The BBC quoted Kallasâ€™s office as saying the talks had gone well.', 'a curly apostrophe garbled by a wrong decoding (â€™) is not part of the name'],
    ['ZAPORIZHZHIAIn the early hours, Russian forces hit the city.', 'a capitals dateline glued to the next word is not a name'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(misspelled(draft).map((f) => f.text), []));
  }
});

describe('name/misspelled: a title quoted in running text', () => {
  const labs = corpusOf([
    'The cuts reach Orbis Labs, the unit that builds its headsets.\n\nOrbis Labs employs 900 people.\n\nStaff at Orbis Labs were told on Wednesday.\n',
  ]);
  it('capitalises every word, as a headline does: “Lays” there is no misspelling of Labs', () => {
    assert.deepEqual(ruleFindings(labs, 'The cuts were first reported in a story titled “Orbis Lays Off More Than 900 Workers.”\n', 'name/misspelled'), []);
  });
  it('a capitalised word inside an ordinary quotation is still read as a name', () => {
    const f = single(ruleFindings(labs, 'A manager said: “the future of Orbis Lays with the headsets we build.”\n', 'name/misspelled'), 'Lays');
    assert.deepEqual(f.suggestions, ['Labs']);
  });
});

describe('name/misspelled: a hyphenated pair of names', () => {
  const pair = corpusOf([
    'Aides are preparing a Varga-Zelensky meeting in Geneva. Varga will meet Zelensky there.\n',
    'Ines Varga said a Varga-Zelensky summit was close.\n',
    'President Volodymyr Zelenskyy welcomed the plan.\n',
  ]);
  it('joins spellings the sources use: “Varga-Zelenskyy” is no other name', () => {
    assert.deepEqual(ruleFindings(pair, 'Plans for a Varga-Zelenskyy meeting firmed up.\n', 'name/misspelled').map((f) => f.text), []);
  });
  it('a letter off in one part is still a typo', () => {
    assert.equal(single(ruleFindings(pair, 'Plans for a Varga-Zelenksy meeting firmed up.\n', 'name/misspelled'), 'Varga-Zelenksy').severity, 'warning');
  });
});

describe('closestName', () => {
  const names = new Map([
    ['umerov', new Map([['Umerov', 3]])],
    ['kallas', new Map([['Kallas', 2]])],
    ['russia', new Map([['Russia', 5]])],
    ['zaporizhzhia', new Map([['Zaporizhzhia', 1]])],
    ['march', new Map([['March', 2]])],
  ]);
  const common = new Set(['march']);
  it('finds the corpus spelling within one letter (two for long names), same first letter', () => {
    assert.equal(closestName('umarov', names, common)?.spelling, 'Umerov');
    assert.equal(closestName('kalas', names, common)?.spelling, 'Kallas');
    assert.equal(closestName('zaporizhia', names, common)?.spelling, 'Zaporizhzhia');
  });
  it('ignores other first letters, prefixes, far words and common words', () => {
    assert.equal(closestName('omerov', names, common), undefined);
    assert.equal(closestName('russian', names, common), undefined);
    assert.equal(closestName('umarova', names, common), undefined);
    assert.equal(closestName('marsh', names, common), undefined);
  });
});

describe('name/misspelled settings', () => {
  const draft = 'Rustem Umarov, who led the team, said the talks had gone well.';
  it('is a warning by default', () => assert.equal(RULES.find((r) => r.id === 'name/misspelled')?.defaultSeverity, 'warning'));
  it('takes the configured severity', () => assert.equal(single(misspelled(draft, { severities: { 'name/misspelled': 'information' } }), 'Umarov').severity, 'information'));
  it('is silenced by "off"', () => assert.deepEqual(misspelled(draft, { severities: { 'name/misspelled': 'off' } }), []));
});

// Real copy: each outlet romanises names its own way, people share surnames, and first names come in two languages.
const MINISTRY = `---
title: Brigade ready by spring
date: 2025-03-04
outlet: Wire One
---

Defence Minister Bohdan Kravetsky visited Lviv on Monday. Kravetsky said the new brigade would be ready by spring.

His deputy, Oleg Petrenkov, said the budget had been agreed. Mayor Marta Koval welcomed the visitors.

Serhiy Lytvynenko, who runs the training centre, showed them the range.

Volodymyr Tkach, the regional governor, joined them later. In Moscow, Vladimir Orlov called the visit a provocation.
`;
const MINISTRY_TWO = `---
title: Minister in Lviv
date: 2025-03-04
---

Kravetsky and Petrenkov toured the base with Lytvynenko. Tkach said the region would pay for the new barracks.
`;
const ministry = corpusOf([MINISTRY, MINISTRY_TWO]);
const ministryFindings = (draft: string, options?: Parameters<typeof ruleFindings>[3]) => ruleFindings(ministry, draft, 'name/misspelled', options);

describe('name/misspelled: another romanisation of the same name is a house style', () => {
  it('one information note for the person, at the first use, however often the draft spells it so', () => {
    const draft =
      'Defence Minister Bohdan Kravetskyy visited Lviv on Monday.\n\nKravetskyy said the brigade would be ready.\n\n' +
      'Asked about the budget, Kravetskyy declined to comment. Later Kravetskiy left.\n';
    const f = single(ministryFindings(draft), 'Kravetskyy');
    assert.equal(f.severity, 'information');
    assert.equal(f.start, draft.indexOf('Kravetskyy'));
    assert.deepEqual(f.suggestions, ['Kravetsky']);
    assert.match(f.message, /The sources write “Kravetsky” \(\d+ mentions\), not “Kravetskyy”: another romanisation/);
    assertEvidence(ministry, f);
  });

  const VARIANTS: Array<[string, string, string]> = [
    ['Kravetskiy said the brigade was ready.', 'Kravetskiy', 'Kravetsky'],
    ['Kravetskyi said the brigade was ready.', 'Kravetskyi', 'Kravetsky'],
    ['Serhii Lytvynenko showed them the range.', 'Serhii', 'Serhiy'],
    ['Serhiy Lytvinenko showed them the range.', 'Lytvinenko', 'Lytvynenko'],
  ];
  for (const [draft, covering, suggestion] of VARIANTS) {
    it(`${covering} for ${suggestion}: information`, () => {
      const f = single(ministryFindings(draft), covering);
      assert.equal(f.severity, 'information');
      assert.deepEqual(f.suggestions, [suggestion]);
    });
  }

  it('an accent more or less is the same name: information, and says so', () => {
    const accents = corpusOf(['Governor Rafael Peñalver said the school would reopen.']);
    const f = single(ruleFindings(accents, 'Rafael Penalver visited the school.', 'name/misspelled'), 'Penalver');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.suggestions, ['Peñalver']);
    assert.match(f.message, /the same name with other accents/);
  });

  it('a letter dropped, added or swapped outside those alternations is still a typo: a warning at every use', () => {
    assert.equal(single(ministryFindings('Serhiy Lytvynenkoy showed them the range.'), 'Lytvynenkoy').severity, 'warning');
    const draft = 'Kravesky said the brigade was ready.\n\nKravetksy said it again.\n\nKravesky left.\n';
    const found = ministryFindings(draft);
    assert.deepEqual(found.map((f) => [f.text, f.severity, f.suggestions[0]]), [
      ['Kravesky', 'warning', 'Kravetsky'],
      ['Kravetksy', 'warning', 'Kravetsky'],
      ['Kravesky', 'warning', 'Kravetsky'],
    ]);
  });

  it('the note is at most information, whatever the rule is set to, and "off" still silences it', () => {
    const draft = 'Kravetskyy said the brigade was ready.';
    assert.equal(single(ministryFindings(draft, { severities: { 'name/misspelled': 'error' } }), 'Kravetskyy').severity, 'information');
    assert.equal(single(ministryFindings(draft, { severities: { 'name/misspelled': 'hint' } }), 'Kravetskyy').severity, 'hint');
    assert.deepEqual(ministryFindings(draft, { severities: { 'name/misspelled': 'off' } }), []);
  });
});

describe('name/misspelled: a near name of a different person is not a misspelling', () => {
  const QUIET: Array<[string, string]> = [
    ['Ivan Petrenko, a farmer, said the budget was too small.', 'another first name: a different person from Oleg Petrenkov'],
    ['Maria Koval, a nurse, said the visit was welcome.', 'Maria and Marta are two names, not one misspelt'],
    ['Olena Kravetska, the minister’s wife, stayed in Kyiv.', 'the feminine form of the surname names another person'],
    ['Vladimir Sokol, a Russian blogger, mocked the visit.', 'a Vladimir the sources name with no such surname'],
  ];
  for (const [draft, why] of QUIET) {
    it(`${why}: ${JSON.stringify(draft)}`, () => assert.deepEqual(ministryFindings(draft).map((f) => f.text), []));
  }

  it('the same first name with a surname a letter off is still a typo', () => {
    const f = single(ministryFindings('His deputy, Oleg Petrenko, said the budget had been agreed.'), 'Petrenko');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.suggestions, ['Petrenkov']);
  });

  it('a surname on its own is compared on the surname', () => {
    assert.equal(single(ministryFindings('Petrenko said the budget had been agreed.'), 'Petrenko').severity, 'warning');
  });
});

describe('name/misspelled: a middle name is compared with first names of the same person only', () => {
  const RAID = `---
title: Depot raid
---

Tobias Quint, 19, drove his uncle's van to the depot on Friday.

State Sen. Marcel Dunmore said Quint had bought the tools a week before.

Police later named him as Tobias Quint.
`;
  const raid = corpusOf([RAID]);
  it('a middle name a letter off another person’s first name is not a misspelling: "Tobias Marcelo Quint" against Marcel Dunmore', () => {
    assert.deepEqual(ruleFindings(raid, 'The driver, Tobias Marcelo Quint, was arrested at the depot.', 'name/misspelled').map((f) => f.text), []);
  });
  it('a middle name a letter off the same person’s middle name in the sources still fires', () => {
    const withMiddle = corpusOf([RAID.replace('Police later named him as Tobias Quint.', 'Police later named him as Tobias Marcelo Quint.')]);
    const f = single(ruleFindings(withMiddle, 'The driver, Tobias Marcello Quint, was arrested at the depot.', 'name/misspelled'), 'Marcello');
    assert.deepEqual(f.suggestions, ['Marcelo']);
  });
});

describe('name/misspelled: another language’s form of the same first name', () => {
  it('Vladimir for the sources’ Volodymyr, with the same surname: information, with their form', () => {
    const f = single(ministryFindings('Vladimir Tkach, the regional governor, joined them.'), 'Vladimir');
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.suggestions, ['Volodymyr']);
    assert.match(f.message, /“Vladimir” is another language’s form of “Volodymyr”/);
    assertEvidence(ministry, f);
    assert.ok(f.evidence.some((e) => e.excerpt.includes('Volodymyr Tkach')));
  });

  it('even where the draft’s form is the sources’ name for someone else (Vladimir Orlov)', () => {
    single(ministryFindings('Then Vladimir Tkach spoke.'), 'Vladimir');
    assert.deepEqual(ministryFindings('Then Vladimir Orlov spoke.'), []);
  });

  it('a form and a romanisation in one name make one note over both words', () => {
    const both = single(ministryFindings('Sergei Lytvinenko spoke first.'), 'Sergei Lytvinenko');
    assert.equal(both.text, 'Sergei Lytvinenko');
    assert.deepEqual(both.suggestions, ['Serhiy Lytvynenko']);
    assert.equal(both.severity, 'information');
  });

  it('one note per person: a later romanisation of the same person adds nothing', () => {
    const f = single(ministryFindings('Sergei Lytvynenko showed them the range.\n\nLytvinenko said it was busy.\n'), 'Sergei');
    assert.deepEqual(f.suggestions, ['Serhiy']);
  });
});

describe('name/misspelled: the hover shows the sources’ spelling of the word under the cursor', () => {
  it('on each word of a note over a whole name', () => {
    const draft = 'Sergei Lytvinenko spoke first.';
    for (const [word, theirs] of [['Sergei', 'Serhiy'], ['Lytvinenko', 'Lytvynenko']]) {
      const comparison = describeClaimAt(ministry, draft, draft.indexOf(word) + 2);
      assert.equal(comparison?.claim.text, word);
      assert.ok(comparison.stating > 0, `${word}: sources found`);
      assert.ok(comparison.sources.flatMap((s) => s.passages).every((p) => p.value === theirs), `${word}: ${JSON.stringify(comparison.variants)}`);
    }
  });
});

describe('name/misspelled: a word in capitals is an abbreviation, not a spelling of a name', () => {
  const deal = corpusOf([
    `---
title: Deal
date: 2024-03-04
---

Norva Systems agreed on Monday to buy Pell Robotics. Norva said the deal would close this year.
`,
  ]);
  it('a stock ticker one letter off the company name stays quiet', () => {
    assert.deepEqual(ruleFindings(deal, 'Norva Systems Inc (NYSE:NRVA) shares fell 3% on Tuesday.', 'name/misspelled').map((f) => f.text), []);
  });
  it('the same name misspelled in ordinary case still fires', () => {
    assert.equal(single(ruleFindings(deal, 'Norwa Systems shares fell 3% on Tuesday.', 'name/misspelled'), 'Norwa').severity, 'warning');
  });
});

describe('name/misspelled: an abbreviation written with other small letters is a house style, not a slip', () => {
  const bank = corpusOf([
    `---
title: Rates
date: 2024-05-09
---

The Bank of Tarnland raised its key rate on Thursday. The BoT said prices would rise again in the autumn, and the BoT expects growth to slow.
Its governor, Iona McDonnell, said the rise was needed. McDonnell spoke in Varda.
`,
  ]);
  it('"BofT" beside the sources\' BoT stays quiet: the same capitals, "of" written out', () => {
    assert.deepEqual(ruleFindings(bank, 'Economists said the BofT had been too slow to act.', 'name/misspelled').map((f) => f.text), []);
  });
  it('a surname with a capital inside, a letter short, still fires', () => {
    assert.equal(single(ruleFindings(bank, 'Governor Iona McDonnel defended the rise.', 'name/misspelled'), 'McDonnel').severity, 'warning');
  });
});

describe('name/misspelled: a place and its people\'s word are two words, not one misspelt', () => {
  const cup = corpusOf([
    `---
title: Final
date: 2024-07-14
---

Veloria beat Germany 2-1 in the final at Marrow Park. Argentina and Germany had met in the semi-final.
`,
  ]);
  it('"German" beside the sources\' Germany, and "Argentine" or "Argentinian" beside Argentina, stay quiet', () => {
    const draft = 'The German midfielder Rolf Hennig was sent off. The Argentine side had beaten them earlier, and Argentinian fans sang.\n';
    assert.deepEqual(ruleFindings(cup, draft, 'name/misspelled').map((f) => f.text), []);
  });
  it('a last letter dropped from a name that is no people\'s word still fires', () => {
    assert.equal(single(ruleFindings(cup, 'Veloria beat Germay 2-1 in the final at Marrow Park.\n', 'name/misspelled'), 'Germay').severity, 'warning');
  });
});

describe('name/misspelled: a long vowel written single or doubled, and -isation or -ization, are house styles', () => {
  const probe = corpusOf([
    'The lander of the National Orbital Research Organisation set down on Thursday. Its rover, Sahaayak, will drive out on Friday, said mission head Deepa Kulkarni.',
    'Engineers cheered as the lander touched down. The Organisation said Sahaayak would carry two cameras.',
  ]);
  const findings = (draft: string) => ruleFindings(probe, draft, 'name/misspelled');
  it('Sahayak for Sahaayak: information, not a warning', () => {
    assert.equal(single(findings('The rover Sahayak left the lander on Friday.\n'), 'Sahayak').severity, 'information');
  });
  it('Dipa for Deepa: information', () => {
    assert.equal(single(findings('Dipa Kulkarni led the mission.\n'), 'Dipa').severity, 'information');
  });
  it('Organization for Organisation in the agency’s name: information', () => {
    const draft = 'The National Orbital Research Organization said the rover was well.\n';
    assert.equal(single(findings(draft), 'Organization').severity, 'information');
  });
  it('a consonant dropped from the same names still warns', () => {
    assert.equal(single(findings('The rover Sahaayk left the lander.\n'), 'Sahaayk').severity, 'warning');
  });
});

describe('name/misspelled: British and American defence / defense in a name', () => {
  const probe = corpusOf([
    'Dorian Vell served in the Coastal Self-Defense Force for three years, police said.',
    'Vell left the Coastal Self-Defense Force in 2006.',
  ]);
  it('Self-Defence for Self-Defense: information, not a warning', () => {
    const f = single(ruleFindings(probe, 'Vell had served in the Coastal Self-Defence Force.\n', 'name/misspelled'), 'Self-Defence');
    assert.equal(f.severity, 'information');
  });
  it('a letter dropped from the same word still warns', () => {
    assert.equal(single(ruleFindings(probe, 'Vell had served in the Coastal Self-Defnse Force.\n', 'name/misspelled'), 'Self-Defnse').severity, 'warning');
  });
});

describe('name/misspelled: a source’s byline names its reporters, not the story’s people', () => {
  const wire = corpusOf([
    'Kestrel shares jump as sales forecast soars\n\nBy Anika Sorel and Tomas Brisk\n\n(Wire) - Kestrel Corp on Wednesday forecast record sales, and its shares rose 20% after the bell.\n\nThe gain put Kestrel ahead of rivals Lumen and Sorell Systems, analysts said.\n',
    'Kestrel forecast beats estimates\n\nBy Jon Petts, Ana Ruiz and Olek Varna\n\nKestrel said demand for its chips was surging.\n',
  ]);
  const findings = (draft: string) => ruleFindings(wire, draft, 'name/misspelled').map((f) => f.text);
  it('a company one letter from a reporter’s surname is not a misspelling of the reporter', () => {
    assert.deepEqual(findings('Kestrel is now worth more than Brisa and Lumen.\n'), []);
    assert.deepEqual(findings('The chipmaker overtook Varda on Thursday.\n'), []);
  });
  it('the same surname in the story’s text is still evidence', () => {
    assert.deepEqual(findings('Kestrel overtook Sorrell Systems and Lumen.\n'), ['Sorrell']);
  });
});

describe('name/misspelled: a word written with the other apostrophe is the same word', () => {
  const speech = corpusOf([
    `---
title: Victory speech
date: 2024-07-05
---

Marta Quell spoke outside the assembly on Friday. "We've changed the party. We will earn your trust," Quell said.
`,
  ]);
  it('"We’ve" with a curly apostrophe beside the sources\' "We\'ve" stays quiet', () => {
    assert.deepEqual(ruleFindings(speech, 'We’ve heard the results, Quell told the crowd.', 'name/misspelled').map((f) => f.text), []);
  });
  it('a name a letter short still fires', () => {
    assert.equal(single(ruleFindings(speech, 'Marta Quel spoke on Friday.', 'name/misspelled'), 'Quel').severity, 'warning');
  });
});

describe('name/misspelled: a word of a name the sources never mention is not a spelling of theirs', () => {
  const HARBOUR = `---\ntitle: Quay struck\ndate: 2031-06-02\noutlet: Wire Twelve\n---\n\nThe freighter Meridal struck the quay, and the Dock of Velmora was closed until further notice.\n\nHarbour master Ines Varga said two tugs were sent.\n`;
  const corpus = corpusOf([HARBOUR]);
  it('"the Kessling Deck" (a newspaper) beside the sources\' "Dock of Velmora" stays quiet', () => {
    const draft = 'The freighter Meridal struck the quay, the Kessling Deck reported on Monday.';
    assert.deepEqual(ruleFindings(corpus, draft, 'name/misspelled'), []);
  });
  it('a misspelt surname beside a first name the sources use still fires', () => {
    const f = single(ruleFindings(corpus, 'Harbour master Ines Varca said two tugs were sent.', 'name/misspelled'), 'Varca');
    assert.equal(f.suggestions[0], 'Varga');
  });
});

describe('name/misspelled: a word the sources use only inside a longer name', () => {
  const VENUE = `---\ntitle: Phones shown\noutlet: Wire Forty-Two\n---\n\nThe keynote, called "Drift", was held on the company's campus at the Mara Tibbs Hall.\n`;
  const corpus = corpusOf([VENUE]);
  it('"regular Tibbys" is not a spelling of the hall’s "Tibbs"', () => {
    assert.deepEqual(ruleFindings(corpus, 'Even regular Tibbys will enjoy the new line of phones shown at the keynote.', 'name/misspelled'), []);
  });
  it('the name the sources also use alone is still compared', () => {
    const alone = corpusOf([VENUE, `---\ntitle: Hall\noutlet: Wire Forty-Three\n---\n\nTibbs designed the hall for the keynote.\n`]);
    single(ruleFindings(alone, 'Even regular Tibbys will enjoy the new line of phones shown at the keynote.', 'name/misspelled'), 'Tibbys');
  });
});

describe('name/misspelled: a common word opening a sentence is no name', () => {
  const corpus = corpusOf(['Lower-income and Black families in Varnholt were hit hardest, Mayor Ilse Varga said on Monday.\n']);
  const misspelled = (draft: string) => ruleFindings(corpus, draft, 'name/misspelled').map((f) => f.text);
  it('"Back in January" and "Low-income families" are quiet', () => {
    assert.deepEqual(misspelled('Back in January, prices in Varnholt were lower, Mayor Ilse Varga said.\n'), []);
    assert.deepEqual(misspelled('Low-income families in Varnholt were hit hardest, Varga said.\n'), []);
  });
  it('a misspelt name opening a sentence still fires', () => {
    assert.deepEqual(misspelled('Varda said families in Varnholt were hit hardest.\n'), ['Varda']);
  });
});

describe('name/misspelled: a feminine surname form and a possessive without its apostrophe', () => {
  const corpus = corpusOf(['Pyotr Kovalenny, Norland’s best-known opposition leader, died in an Arctic prison, officials in Norland said.\n\nKovalenny had been jailed since 2021, one of many Norlandis in prison.\n']);
  const misspelled = (draft: string) => ruleFindings(corpus, draft, 'name/misspelled').map((f) => f.text);
  it('Kovalennaya, his widow, is another person, not a misspelling of Kovalenny', () => {
    assert.deepEqual(misspelled('His widow said Pyotr Kovalenny had been killed in prison. Kovalennaya called on Norlandis to protest.\n'), []);
  });
  it('“Norlands opposition” is Norland’s, its apostrophe left out', () => {
    assert.deepEqual(misspelled('# Norlands opposition mourns Kovalenny\n\nThe opposition leader died in prison.\n'), []);
  });
  it('a misspelling of the surname still fires', () => {
    assert.deepEqual(misspelled('Pyotr Kovalenni had been jailed since 2021.\n'), ['Kovalenni']);
  });
});
