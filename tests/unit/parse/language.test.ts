import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage, francLanguage } from '../../../shared/parse/metadata/language.ts';
import { corpusSet } from '../../support/corpus.ts';
import { syntheticNews } from '../../support/synthetic-news.ts';

/** What the detector stands in for: franc itself, on the same sample. */
const reference = (body: string) => franc(body.slice(0, 300), { minLength: 20 });

const SENTENCES = [
  'The government announced on Tuesday a series of measures to support businesses hit by rising energy prices.',
  "Le gouvernement a annoncé mardi une série de mesures pour soutenir les entreprises touchées par la hausse des prix de l'énergie.",
  'Die Regierung kündigte am Dienstag eine Reihe von Maßnahmen an, um Unternehmen zu unterstützen, die unter den Energiepreisen leiden.',
  'El gobierno anunció el martes una serie de medidas para apoyar a las empresas afectadas por el aumento de los precios de la energía.',
  'Il governo ha annunciato martedì una serie di misure per sostenere le imprese colpite dal rincaro dei prezzi dell’energia.',
  'O governo anunciou na terça-feira uma série de medidas para apoiar as empresas afetadas pela alta dos preços da energia.',
  'Rząd ogłosił we wtorek szereg środków wspierających przedsiębiorstwa dotknięte wzrostem cen energii.',
  'Hükümet salı günü enerji fiyatlarındaki artıştan etkilenen işletmeleri desteklemek için bir dizi önlem açıkladı.',
  'Правительство во вторник объявило о ряде мер по поддержке предприятий, пострадавших от роста цен на энергию.',
  'Уряд у вівторок оголосив про низку заходів для підтримки підприємств, які постраждали від зростання цін.',
  'أعلنت الحكومة يوم الثلاثاء عن سلسلة من الإجراءات لدعم الشركات المتضررة من ارتفاع أسعار الطاقة.',
  'सरकार ने मंगलवार को ऊर्जा की बढ़ती कीमतों से प्रभावित व्यवसायों की सहायता के लिए कई उपायों की घोषणा की।',
  '政府周二宣布了一系列措施，以支持受能源价格上涨影响的企业。这些措施包括减税和补贴。',
  '政府は火曜日、エネルギー価格の高騰で打撃を受けた企業を支援するための一連の措置を発表した。',
  '정부는 화요일 에너지 가격 상승으로 타격을 입은 기업을 지원하기 위한 일련의 조치를 발표했다.',
  'Η κυβέρνηση ανακοίνωσε την Τρίτη μια σειρά μέτρων για τη στήριξη των επιχειρήσεων που επλήγησαν από την άνοδο των τιμών.',
  'รัฐบาลประกาศมาตรการชุดหนึ่งเมื่อวันอังคารเพื่อสนับสนุนธุรกิจที่ได้รับผลกระทบจากราคาพลังงานที่สูงขึ้น',
  '12345 67890 12345 67890 12345',
  '!!!! ???? .... ,,,, ;;;; ::::',
];

/** Words of several scripts mixed at random: ties and near-ties between languages and scripts. */
const WORDS = SENTENCES.flatMap((sentence) => sentence.split(' ')).concat(['', ' ', '\n', '42', '—', "l'", 'İstanbul']);

const bbc = corpusSet('bbc-news');

/** The news set's articles: the generated ones always, every BBC article too when the corpus is present. */
function newsTexts(): { name: string; text: string }[] {
  const texts = syntheticNews(300)
    .filter((article) => !article.bad)
    .map((article) => ({ name: article.key, text: article.bytes.toString('utf8') }));
  if (!bbc) return texts;
  for (const section of readdirSync(bbc, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(bbc, section.name)).filter((name) => name.endsWith('.txt'))) {
      texts.push({ name: `${section.name}/${file}`, text: readFileSync(join(bbc, section.name, file), 'utf8') });
    }
  }
  return texts;
}

describe('language detection', () => {
  it('answers what franc answers for sentences of many languages and scripts', () => {
    for (const sentence of SENTENCES) expect(francLanguage(sentence)).toBe(reference(sentence));
    expect(detectLanguage(SENTENCES[1]!)).toBe('fr');
    expect(detectLanguage(SENTENCES[14]!)).toBe('ko');
    expect(detectLanguage('Too short.')).toBeNull();
  });

  it(`answers what franc answers for every article of the news set${bbc ? ' and the BBC corpus' : ''}`, () => {
    const mismatches = newsTexts()
      .filter(({ text }) => francLanguage(text) !== reference(text))
      .map(({ name }) => name);
    expect(mismatches).toEqual([]);
  });

  it('answers what franc answers for any mix of words, scripts and punctuation', () => {
    const mixed = fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }).map((words) => words.join(' '));
    const text = fc.oneof(mixed, fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 400 }));
    fc.assert(fc.property(text, (body) => francLanguage(body) === reference(body)), { numRuns: 2_000, seed: 7 });
  });
});
