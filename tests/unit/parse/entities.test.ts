import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/model/article.ts';
import { findEntities } from '../../../shared/parse/entities/index.ts';
import { fixture, parseOne } from './support.ts';

const byName = (entities: Entity[], name: string) => entities.find((e) => e.name === name);

describe('entities of the example article', () => {
  const { metadata, body } = parseOne(fixture('karabakh-offensive-2023-09-20.txt'));
  const entities = metadata.entities;

  it('finds the people, places and organisations the article names, typed', () => {
    const expected: Array<[string, Entity['type']]> = [
      ['Recep Tayyip Erdogan', 'person'],
      ['Turkey', 'location'],
      ['Azerbaijan', 'location'],
      ['Armenia', 'location'],
      ['Nagorno-Karabakh', 'location'],
      ['Lachin Corridor', 'location'],
      ['Baku', 'location'],
      ['New York', 'location'],
      ['Khojavend', 'location'],
      ['UN General Assembly', 'organization'],
      ['Ministry of Foreign Affairs', 'organization'],
      ['Azerbaijani Presidency', 'organization'],
    ];
    for (const [name, type] of expected) expect(byName(entities, name), name).toMatchObject({ name, type });
  });

  it('merges surface forms: Erdogan into the full name, Azeri and Azerbaijani into Azerbaijan', () => {
    expect(byName(entities, 'Recep Tayyip Erdogan')).toMatchObject({ aliases: ['Erdogan'], count: 2 });
    expect(byName(entities, 'Azerbaijan')!.aliases).toEqual(expect.arrayContaining(['Azerbaijani', 'Azeri']));
    expect(byName(entities, 'Turkey')!.aliases).toEqual(['Turkish']);
    const azerbaijan = entities.filter((e) => e.type === 'location' && /Az/.test([e.name, ...e.aliases].join()));
    expect(azerbaijan).toHaveLength(1);
  });

  it('gives offsets that point at each mention in the body', () => {
    for (const entity of entities) {
      expect(entity.count).toBe(entity.mentions.length);
      for (const m of entity.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('takes no sentence-opening word, month or weekday for a name', () => {
    const names = entities.map((e) => e.name);
    for (const word of ['However', 'Imposition', 'Authorities', 'While', 'Tuesday', 'Sept', 'and']) {
      expect(names).not.toContain(word);
    }
  });
});

describe('findEntities', () => {
  it('types names by their titles, their own words and their neighbours', () => {
    const entities = findEntities(
      'Cable firm Telewest said chief executive Eric Tveter met Prime Minister Tony Blair in Markfield. ' +
        'Mr Blair thanked the Bank of Ireland and Transport for London.',
    );
    expect(entities.map((e) => [e.name, e.type])).toEqual(
      expect.arrayContaining([
        ['Telewest', 'organization'],
        ['Eric Tveter', 'person'],
        ['Tony Blair', 'person'],
        ['Markfield', 'location'],
        ['Bank of Ireland', 'organization'],
        ['Ireland', 'location'],
        ['Transport for London', 'organization'],
        ['London', 'location'],
      ]),
    );
    expect(byName(entities, 'Tony Blair')!.count).toBe(2);
  });

  it('a name right after a lower-case role is a person, even when it ends in a place word', () => {
    const entities = findEntities('Opposition councillor Tom Green said the plan would close the library. Tom Green later left the meeting.');
    expect(entities.find((e) => e.name === 'Tom Green')?.type).toBe('person');
  });

  it('splits names joined by "and" and keeps hyphenated places apart', () => {
    const names = findEntities('Talks between Brian Dunne and Seamus Kearney on the Armenia-Azerbaijan border.').map(
      (e) => e.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Brian Dunne', 'Seamus Kearney', 'Armenia', 'Azerbaijan']));
    expect(names).not.toContain('Brian Dunne and Seamus Kearney');
  });
});
