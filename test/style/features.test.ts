// Each feature rule on crafted sentences: it fires where it should and stays
// silent where it should not. (Crafted sentences test a rule; they are not
// corpus documents.)
import { describe, expect, it } from 'vitest';
import { findFeatureSpans } from '../../src/style/features.js';
import { normalizeForStyle } from '../../src/style/normalize.js';
import { featureCatalogue, FEATURE_RULES } from '../../src/style/rules.js';
import { maskForStyle } from '../../src/style/mask.js';

const hits = (rule: string, text: string) => findFeatureSpans(text).filter((s) => s.rule === rule).map((s) => s.text);

const CASES: Record<string, { fires: [string, string[]][]; silent: string[] }> = {
  'future-passive': {
    fires: [
      ['Sovereignty will be confirmed.', ['will be confirmed']],
      ['The zone will be internationally recognized as neutral.', ['will be internationally recognized']],
      ['It will not be admitted in the future.', ['will not be admitted']],
      ['All claims shall be deemed settled.', ['shall be deemed']],
      ['The treaty will be drawn up.', ['will be drawn']],
    ],
    silent: ['The market will be open to them.', 'We will confirm the deal.', 'The talks were held in May.'],
  },
  passive: {
    fires: [
      ['The decision was taken yesterday.', ['was taken']],
      ['Talks are being held now.', ['being held']],
      ['Civilians have been killed.', ['been killed']],
    ],
    silent: ['The decision will be taken tomorrow.', 'We took the decision.', 'The door is open.'],
  },
  'impersonal-it': {
    fires: [
      ['It is expected that troops will leave.', ['It is expected']],
      ['It is necessary to stop the fighting.', ['It is necessary']],
      ['It was not planned.', ['It was not planned']],
    ],
    silent: ['We expect that troops will leave.', 'It is a good plan.'],
  },
  calque: {
    fires: [
      ['Troops are stationed on the territory of the region.', ['on the territory of']],
      ['They oppose the so-called coalition.', ['the so-called']],
      ['Cooperation in the sphere of energy grew.', ['in the sphere of']],
      ['They met with the aim of ending the war.', ['with the aim of']],
      ['Work continues within the framework of the group.', ['within the framework of']],
      ['In this connection, we note progress.', ['In this connection']],
      ['We discussed a number of issues, and so on.', ['a number of', 'and so on']],
    ],
    silent: ['Troops are stationed in the region.', 'They oppose the coalition.', 'Energy cooperation grew.', 'They met to end the war.'],
  },
  'sentence-connective': {
    fires: [
      ['Talks went on. At the same time, fighting continued.', ['At the same time']],
      ['We agreed. Besides, we set a date.', ['Besides']],
      ['3. Also the parties will meet.', ['Also']],
      ['    - As for the ports, they stay open.', ['As for']],
    ],
    silent: ['Fighting continued at the same time as talks.', 'We set a date besides the venue.', 'They also met.'],
  },
  'adverb-before-object': {
    fires: [
      ['The leaders discussed in detail the situation in the region.', ['discussed in detail the ']],
      ['We stressed once again the need for talks.', ['stressed once again the ']],
    ],
    silent: ['The leaders discussed the situation in detail.', 'We once again stressed the need for talks.', 'It was also the case.'],
  },
  'fronted-predicate': {
    fires: [
      ['Talks went on. Especially important is the question of guarantees.', ['Especially important is']],
      ['Of particular concern are the attacks.', ['Of particular concern are']],
    ],
    silent: ['The question of guarantees is especially important.', 'It is of particular concern.'],
  },
  'emphatic-particle': {
    fires: [['This is precisely the point, namely security.', ['precisely', 'namely']]],
    silent: ['This is the point about security.'],
  },
  'stance-adverb': {
    fires: [['Of course we are absolutely ready.', ['Of course', 'absolutely']]],
    silent: ['We are ready.'],
  },
  'nominal-chain': {
    fires: [['We seek the implementation of the provisions of the agreement.', ['implementation of the provisions of the agreement']]],
    silent: ['We seek to implement the agreement.', 'One of the members of the group spoke.'],
  },
  'bare-noun-of': {
    fires: [
      ['They called for implementation of the agreement.', ['for implementation of']],
      ['The main threat comes to peaceful population of the towns.', ['to peaceful population of']],
      ['Settlement of the conflict is possible.', ['Settlement of']],
    ],
    silent: ['They called for the implementation of the agreement.', 'This is in violation of the treaty.', 'It was done in accordance of the rules.'],
  },
  'uncontracted-negation': {
    fires: [['We do not agree and cannot accept it.', ['do not', 'cannot']]],
    silent: ["We don't agree and can't accept it.", 'Nothing is decided.'],
  },
  contraction: {
    fires: [
      ["We don't agree, and it's late.", ["don't", "it's"]],
      ['We don’t agree, and that’s final.', ['don’t', 'that’s']],
    ],
    silent: ["Ukraine's sovereignty and Europe's security.", 'We do not agree.'],
  },
  'fw-the': {
    fires: [['The plan and the map.', ['The', 'the']]],
    silent: ['A plan and a map. Theory and thesis.'],
  },
  'punct-possessive': {
    fires: [["The group's plan.", ["'s"]]],
    silent: ["It's late.", 'The plan of the group.'],
  },
  'punct-dash': {
    fires: [['We agreed \u2014 with reservations.', ['\u2014']]],
    silent: ['A cross-border route from 2019\u20132020.'],
  },
  'cohesive-contrast': {
    fires: [['However, we disagree; nevertheless we stay.', ['However', 'nevertheless']]],
    silent: ['We disagree and we stay.'],
  },
  'cohesive-cause': {
    fires: [['We left because of this; therefore we wait.', ['because', 'therefore']]],
    silent: ['We left and we wait.'],
  },
  'pos-DET_NOUN': {
    fires: [['The plan failed.', ['The plan']]],
    silent: ['Plans fail.'],
  },
  'pos-ADP_DET_NOUN': {
    fires: [['We met in the city.', ['in the city']]],
    silent: ['We met there.'],
  },
  sentence: {
    fires: [['We met. We left.', ['We met.', 'We left.']]],
    silent: [],
  },
  'short-sentence': {
    fires: [['We met. The delegations of the two countries discussed the questions on the agenda of the meeting.', ['We met.']]],
    silent: ['The delegations of the two countries discussed the questions on the agenda of the meeting in detail.'],
  },
};

describe('feature rules', () => {
  it('every construction rule has test cases; every feature in the catalogue has a name and a description', () => {
    const constructions = FEATURE_RULES.filter((r) => (r.family ?? 'construction') === 'construction').map((r) => r.id);
    for (const id of constructions) expect(Object.keys(CASES)).toContain(id);
    const ids = featureCatalogue().map((f) => f.id);
    for (const id of Object.keys(CASES)) expect(ids).toContain(id);
    for (const f of featureCatalogue()) {
      expect(f.name.length).toBeGreaterThan(1);
      expect(f.description.length).toBeGreaterThan(30);
    }
  });

  for (const [rule, { fires, silent }] of Object.entries(CASES)) {
    describe(rule, () => {
      for (const [text, expected] of fires) {
        it(`fires on ${JSON.stringify(text)}`, () => expect(hits(rule, text)).toEqual(expected));
      }
      for (const text of silent) {
        it(`is silent on ${JSON.stringify(text)}`, () => expect(hits(rule, text)).toEqual([]));
      }
    });
  }

  it('spans slice the original text even where quotes and dashes were normalised', () => {
    const text = '“We don’t accept the so‑called deal” — he said; it is not planned.';
    const spans = findFeatureSpans(text);
    expect(spans.length).toBeGreaterThan(3);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('normalisation keeps the length and makes curly and straight quotes the same', () => {
    const curly = 'It’s “so-called” – isn’t it…';
    expect(normalizeForStyle(curly)).toHaveLength(curly.length);
    expect(normalizeForStyle(curly)).toBe('It\'s "so-called" - isn\'t it.');
  });

  it('masking hides names, ideology, dates and numbers but keeps the length and the function words', () => {
    // From the UN reference set (tr-un-030): the USSR's speech of 1985.
    const text = 'A political settlement of the situation that has arisen around that country is also possible. When such interference is ended, it will then become possible to withdraw from Afghanistan, by agreement with the Afghan Government- the Soviet military contingent.';
    const masked = maskForStyle(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toMatch(/Afghan|Soviet|Government/);
    expect(masked).toContain('by agreement with the Xxxxxx Xxxxxxxxxx- the Xxxxxx military contingent.');
    expect(masked.startsWith('A political settlement of the situation')).toBe(true);
    expect(maskForStyle('In 1985, the socialist countries met on 12 May. May we go?')).toBe('In 0000, the xxxxxxxxx countries met on 00 Xxx. May we go?');
    expect(maskForStyle('The United Nations and the USSR. New Zealand said so.')).toBe('The Xxxxxx Xxxxxxx and the Xxxx. Xxx Xxxxxxx said so.');
  });
});

describe('tagger offsets', () => {
  it('survive characters the tagger drops (line separator, BOM, ideographic space): spans still slice the text', () => {
    for (const ch of ['\u2028', '\ufeff', '\u3000']) {
      const text = `The decision was taken.${ch} It is necessary, of course, to act.${ch}We left.`;
      const spans = findFeatureSpans(text);
      expect(spans.some((s) => s.rule === 'pos-DET_NOUN')).toBe(true);
      for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
