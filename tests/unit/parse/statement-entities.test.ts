import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/model/article.ts';
import { slugId } from '../../../shared/model/ids.ts';
import type { Statement } from '../../../shared/model/statement.ts';
import { entitiesInText } from '../../../shared/parse/entities/in-text.ts';
import { parseText } from './support.ts';

/** Each entity a statement names, as written in its text: what `text.slice(start, end)` must give. */
const named = (statement: Statement) => statement.entities.map((e) => [e.id, statement.text.slice(e.start, e.end)]);

const ARTICLE = `Turkey backs Baku

Turkish President Recep Tayyip Erdoğan spoke in Ankara on Tuesday. “Turkey will stand with Azerbaijan, and Ilham Aliyev knows it,” Erdoğan said.

The Armenian prime minister, Nikol Pashinyan, said in Yerevan that Erdogan was threatening Armenia.

“We will not back down,” said Pashinyan in Yerevan.`;

describe('statements carry the entities named inside their text', () => {
  const [article] = parseText(ARTICLE);
  const [quote, indirect, attributionOnly] = article!.statements;

  it('a direct quote names a country and a person', () => {
    expect(quote!.kind).toBe('direct');
    expect(named(quote!)).toEqual([
      ['turkey', 'Turkey'],
      ['azerbaijan', 'Azerbaijan'],
      ['ilham-aliyev', 'Ilham Aliyev'],
    ]);
  });

  it('an indirect statement names them too, an alias under the full name ("Erdogan" for "Recep Tayyip Erdoğan")', () => {
    expect(indirect!.kind).toBe('indirect');
    expect(named(indirect!)).toEqual([
      ['recep-tayyip-erdogan', 'Erdogan'],
      ['armenia', 'Armenia'],
    ]);
  });

  it('a name only in the attribution is not what the statement is about', () => {
    expect(attributionOnly!.text).toBe('We will not back down,');
    expect(attributionOnly!.entities).toEqual([]);
  });
});

function entity(name: string, aliases: string[] = []): Entity {
  return { id: slugId(name), name, type: 'location', aliases, count: 1, mentions: [] };
}

describe('entitiesInText', () => {
  it('takes the longest of overlapping names, once, in text order', () => {
    const find = entitiesInText([entity('New York'), entity('New York Stock Exchange'), entity('York')]);
    const text = 'Shares in New York fell as the New York Stock Exchange opened, York said.';
    const found = find(text);
    expect(found.map((e) => [e.id, text.slice(e.start, e.end)])).toEqual([
      ['new-york', 'New York'],
      ['new-york-stock-exchange', 'New York Stock Exchange'],
      ['york', 'York'],
    ]);
  });

  it('gives offsets into the text as written, accents and curly quotes included', () => {
    const find = entitiesInText([entity('Recep Tayyip Erdoğan', ['Erdogan']), entity('Türkiye')]);
    const text = '‘Erdoğan’s plan’ is “what Türkiye wants”, said Recep Tayyip Erdogan’s aide';
    expect(find(text).map((e) => [e.id, e.start, text.slice(e.start, e.end)])).toEqual([
      ['recep-tayyip-erdogan', 1, 'Erdoğan'],
      ['turkiye', 26, 'Türkiye'],
      ['recep-tayyip-erdogan', 47, 'Recep Tayyip Erdogan'],
    ]);
  });

  it('keeps a decomposed accent inside the mention', () => {
    const text = 'Erdog\u0306an spoke';
    const [found] = entitiesInText([entity('Erdoğan')])(text);
    expect(text.slice(found!.start, found!.end)).toBe('Erdog\u0306an');
  });

  it('matches whole words, case aside, but not a lower-case common word', () => {
    const find = entitiesInText([entity('US'), entity('May'), entity('Iran')]);
    expect(find('He told us it may rain in Iranian towns')).toEqual([]);
    expect(find('THE US, IRAN AND MAY')).toHaveLength(3);
  });

  it('finds a name that opens with a word in lower case', () => {
    const find = entitiesInText([entity('Bashar al-Assad', ['al-Assad']), entity('eBay'), entity('Charles de Gaulle', ['de Gaulle']), entity('van der Leyen')]);
    const text = 'al-Assad sold it on eBay, as de Gaulle never would, van der Leyen said';
    expect(find(text).map((e) => [e.id, text.slice(e.start, e.end)])).toEqual([
      ['bashar-al-assad', 'al-Assad'],
      ['ebay', 'eBay'],
      ['charles-de-gaulle', 'de Gaulle'],
      ['van-der-leyen', 'van der Leyen'],
    ]);
    // still not when the whole match is in lower case
    expect(find('ebay and de gaulle')).toEqual([]);
    // another word in lower case opens a phrase, not a name: the slogan taken for an entity holds the name
    const slogan = entitiesInText([entity('Make America Great Again'), entity('America')]);
    const promise = 'to make America great again';
    expect(slogan(promise).map((e) => promise.slice(e.start, e.end))).toEqual(['America']);
  });

  it('gives a form two entities share to the first (most mentioned) one', () => {
    const find = entitiesInText([entity('Jordan'), entity('Michael Jordan', ['Jordan'])]);
    expect(find('Jordan won').map((e) => e.id)).toEqual(['jordan']);
  });
});
