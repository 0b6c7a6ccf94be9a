// Each feature rule on crafted sentences: it fires where it should and stays
// silent where it should not. (Crafted sentences test a rule; they are not
// corpus documents.)
import { describe, expect, it } from 'vitest';
import { findFeatureSpans } from '../../src/style/features.js';
import { normalizeForStyle } from '../../src/style/normalize.js';
import { FEATURE_RULES } from '../../src/style/rules.js';

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
  'definite-article': {
    fires: [['The plan and the map.', ['The', 'the']]],
    silent: ['A plan and a map. Theory and thesis.'],
  },
  'and-coordination': {
    fires: [['Russia and Ukraine.', ['and']]],
    silent: ['Russia, Ukraine, Andorra, candidates.'],
  },
};

describe('feature rules', () => {
  it('every rule in the catalogue has test cases, a name and a description', () => {
    expect(Object.keys(CASES).sort()).toEqual(FEATURE_RULES.map((r) => r.id).sort());
    for (const rule of FEATURE_RULES) {
      expect(rule.name.length).toBeGreaterThan(3);
      expect(rule.description.length).toBeGreaterThan(30);
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
});
