import { PLACES } from '../entities/gazetteer.ts';
import { SPEAKER_NOUN_ROWS } from './cue-data.ts';

/**
 * Word lists the speaker rules consult. The reporting verbs themselves live in cues.ts; these say what
 * a speaker phrase is made of (pronouns, honorifics, roles, groups, organisations, places).
 */
const set = (words: string) => new Set(words.trim().split(/\s+/));

export const PERSON_PRONOUNS = set('he she');
export const THING_PRONOUNS = set('it');
export const GROUP_PRONOUNS = set('they');

export const HONORIFICS = set('mr mrs ms miss dr sir dame lord lady prof professor rev baroness baron');

/** Role words: what precedes a name in "Turkish President Recep Tayyip Erdogan", or heads "the minister". */
export const PERSON_ROLES = set(`
  president vice-president minister secretary chancellor premier chairman chairwoman chair vice-chairman
  chief executive director spokesman spokeswoman spokesperson officer head leader manager analyst economist
  governor senator congressman congresswoman mp mep mps commissioner ambassador mayor founder co-founder boss
  coach captain deputy general adviser advisor strategist official lawyer attorney judge prosecutor expert
  researcher professor scientist editor correspondent reporter consultant partner owner producer actor actress
  singer star campaigner activist member candidate king queen prince princess pope envoy diplomat
  representative negotiator inspector commander player striker midfielder defender goalkeeper trainer ceo cfo
  coo cto md president-elect speaker whip treasurer controller superintendent constable sheriff chairperson
  economist-in-chief administrator organiser organizer author writer novelist director-general
  secretary-general spokeswoman source insider veteran founder novelist comedian presenter host broadcaster
  musician rapper artist designer developer engineer investor trader banker broker doctor surgeon nurse
  teacher pupil student officer detective sergeant colonel major lieutenant admiral marshal sen rep gov gen academic
  lt col capt sgt adm secretary-designate attorney-general person aide staffer
`);

/** Plural or collective nouns for sources the article does not name ("analysts", "union officers"). */
export const GROUP_NOUNS = set(`
  analysts officials experts critics observers economists investors traders campaigners sources police officers
  authorities residents witnesses lawyers researchers scientists doctors ministers leaders politicians mps
  members unions firms companies businesses others people fans users insiders opponents supporters activists
  protesters executives bosses manufacturers retailers banks groups organisers organizers teachers workers
  staff dealers brokers bankers forecasters pollsters voters diplomats negotiators prosecutors investigators
  managers directors officers spokesmen representatives rebels militants troops soldiers commentators
  academics historians parents students reports figures many some most several chiefs bosses democrats
  republicans conservatives tories socialists liberals nationalists unionists greens
`);

/** Nouns that make a phrase an organisation: "the company", "Telecoms firm Eircom", "Azerbaijani Presidency". */
export const ORG_NOUNS = set(`
  company firm group government ministry department agency council union bank club party commission committee
  board court army military presidency office authority association federation organisation organization
  institute foundation corporation network retailer carrier airline maker manufacturer giant operator provider
  regulator watchdog body team league channel broadcaster newspaper station studio label charity trust service
  services university college school hospital police navy parliament congress senate cabinet administration
  industries holdings plc ltd inc corp co llc networks stockbrokers managers bureau secretariat kremlin
  assembly tribunal consortium alliance coalition exchange fund chain store publisher developer website
  insurer lender supermarket business brewer distributor producer lobby labour tory tories conservative
  conservatives dem dems democrat democrats republican republicans liberal liberals snp ukip plaid
`);

/** Head nouns of speakers described rather than named ("the billionaire businessman"), learned from data. */
export const DESCRIBED_SPEAKERS = new Set(SPEAKER_NOUN_ROWS.map(([noun]) => noun));

/** "a Holcim statement", "A CBI quarterly survey": words that stand for whoever issued them. */
export const SOURCE_DOCUMENTS = set('statement survey report study poll research analysis review release letter');

/** "issued a statement saying ...", "sent a tweet saying ...": a message whose participle reports its sender's words. */
export const MESSAGES = set('statement release letter message tweet email memo note post video');

/** Lower-case words a name may contain ("Bank of England", "Ministry of Foreign Affairs", "bin Laden"). */
export const NAME_PARTICLES = set('of the for and de del della di da van von der den le la al bin ibn du y on');

// From the compact gazetteer, not the world-countries JSON itself: that JSON alone would add 0.7 MB to
// every Lambda bundle that parses.
const countryNames = new Set<string>();
for (const [form, place] of PLACES) {
  if (place.kind !== 'country' && place.kind !== 'capital') continue;
  countryNames.add(form.toLowerCase().replace(/^(?:the )?(?:\w+ )?republic of /, ''));
}
for (const extra of ['uk', 'us', 'usa', 'britain', 'great britain', 'america', 'england', 'scotland', 'wales', 'northern ireland', 'eu', 'europe']) {
  countryNames.add(extra);
}
/** Countries and capitals, which speak for their governments ("Turkey said", "Moscow warned"). */
export function isPlace(name: string): boolean {
  return countryNames.has(name.toLowerCase());
}
