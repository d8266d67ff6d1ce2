import { CAPITALIZED_WEEKDAYS } from '../date-words.ts';

/**
 * Word lists that type a capitalised name by its own words or its neighbours. Kept as data, one concern each;
 * countries, capitals and demonyms come from the world-countries gazetteer instead (gazetteer.ts).
 */
const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** A name holding one of these is an organisation: "Ministry of Foreign Affairs", "Allied Irish Banks". */
export const ORGANIZATION_WORDS = words(`
  Ministry Ministries Department Office Agency Authority Authorities Commission Committee Council Assembly Parliament
  Congress Senate Government Presidency Court Tribunal Police Army Navy Bank Banks Fund Exchange Union Association
  Federation League Party Group Corporation Corp Company Co Inc Ltd Plc plc LLC Holdings Industries Institute
  University College School Foundation Trust Organisation Organization Society Club United FC Airlines Airways
  Broadband Networks Network Telecom Telekom Communications Motors Media News Times Post Journal Press Television TV
  Radio Records Studios Pictures Entertainment Games Software Systems Technologies Technology Electronics Energy
  Petroleum Pharmaceuticals Insurance Capital Partners Investments Investment Managers Stockbrokers Securities
  Garments Cement Steel Mining Foods Stores Bureau Service Services Board Reserve Treasury Cabinet Secretariat
  Alliance Coalition Movement Brigade Academy Museum Hospital Church Labs Laboratories Consulting Transport
`);

/** A name ending in one of these is a place: "Lachin Corridor", "Emirates Stadium". */
export const LOCATION_WORDS = words(`
  Corridor Region District Province County Street Road Avenue Square River Lake Sea Ocean Bay Gulf Island Islands
  Mountains Mount Valley Peninsula Strait Canal Park Stadium Station Bridge City Town Village Hills Coast Desert
  Forest Grove Heath Green Lane Borough Territory Territories Oblast Republic Airport
`);

/** "North Korea", "Northern Ireland", "West Bank": a compass word opening a name makes it a place. */
export const COMPASS_WORDS = words(`North South East West Northern Southern Eastern Western Central Upper Lower`);

/** Lower-case nouns that, right after a name, make it a place: "the Khojavend district", "Karabakh region". */
export const LOCATION_NOUNS = words(`
  region district province city town village county state area enclave corridor capital border republic island
  port suburb neighbourhood neighborhood valley river
`);

/** Prepositions that, right before a name, make it a place unless something else types it: "in New York". */
export const LOCATION_PREPOSITIONS = words(`in near across outside throughout inside around towards`);

/** Titles and honorifics: the names after them are people ("Turkish President Recep Tayyip Erdogan"). */
export const PERSON_TITLES = words(`
  Mr Mrs Ms Miss Dr Sir Dame Lord Lady Baroness President Premier Minister Chancellor Secretary Senator Governor
  Mayor King Queen Prince Princess Pope General Gen Colonel Col Judge Justice Chairman Chairwoman Chief Executive
  Director Professor Prof Rev Father Ambassador Commissioner Spokesman Spokeswoman Leader Deputy Vice Coach Captain
  Sheikh Emir Ayatollah Archbishop Bishop Rabbi Imam Inspector Detective Sergeant Officer Chef Boss Manager
`);

/** Lower-case roles that, right before a name, make it a person: "chief executive Willie Walsh". */
export const PERSON_ROLES = words(`
  councillor councilor councilman councilwoman
  spokesman spokeswoman spokesperson executive chairman chairwoman director minister president analyst economist
  manager coach striker midfielder defender goalkeeper singer actor actress leader secretary boss founder chief
  head captain player star champion author colleague lawyer professor researcher designer producer presenter
`);

/** Capitalised at a sentence start but not names (their lower-case form may not occur elsewhere in the text). */
export const FUNCTION_WORDS = words(`
  The A An This That These Those It Its He She They We You I His Her Their Our My Your There Here What When Where
  Which Who Whom Whose Why How If But And Or So Yet For Nor As At By In On Of To From With Without Within After
  Before During Since Until While Although Though Because However Meanwhile Otherwise Moreover Furthermore Also
  Instead Still Then Now Today Yesterday Tomorrow Last Next Many Most Some Such Both Each Every All Any No Not
  Other Others Another One Two Three Four Five Six Seven Eight Nine Ten First Second Third
  According Despite Under Over Among Between Against Earlier Later Even Only Just Indeed Overall Similarly
  Several Few Much More Less Little Yes Please Thanks
`);

/** Lower-case nouns that, right before a name, make it an organisation: "cable firm Telewest". */
export const ORGANIZATION_NOUNS = words(`
  firm company group giant maker operator retailer bank carrier airline broadcaster network chain publisher insurer
  lender rival supplier developer manufacturer producer brand label club side team newspaper agency
`);

/** Abbreviations of things, not of organisations. */
export const COMMON_ACRONYMS = words(`
  TV DVD DVDs CD CDs PC PCs VHS GMT BST CET EST CEO CFO MP MPs MEP GDP AM PM ID HIV AIDS GB MB KB GHz MHz IT AI OK
  FM LCD LED GPS SMS PIN VAT MRI DNA RNA IQ PhD BA MA MSc
`);

/** "UK-based", "Leicestershire-based": the name before the suffix is the entity. */
export const NAME_SUFFIXES = /-(?:based|owned|born|led|backed|made|listed|registered)$/;

/** Months and weekdays are dates, not entities. */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  ...words(`January February April July August September October November December`),
  ...CAPITALIZED_WEEKDAYS,
]);

/** Also names or words ("Jan Bolz", "Theresa May", "The Sun"): dates only next to a number ("Sept 19"). */
export const DATE_WORDS_NEAR_NUMBERS = words(`
  March May June Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
`);

/** Lower-case words that may sit inside a name: "Bank of Ireland", "Transport for London". */
export const NAME_CONNECTORS = words(`of for the de del da di du von van der bin al and &`);

/** Lower-case particles a name may open with: "al-Assad", "bin Salman", "de Gaulle", "van der Leyen". */
export const NAME_OPENING_PARTICLES = words(`al el bin ibn abu de del della di da du dos das von van der den ten ter le la zu`);

/** Connectors that, inside a name, make it an institution's ("Transport for London", "Bank of Ireland"). */
export const INSTITUTION_CONNECTORS = words(`of for`);
