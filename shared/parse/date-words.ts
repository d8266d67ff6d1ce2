/**
 * Names of days the parser's word lists and patterns share, spelled out once: lower case, Monday first. A
 * module of its own, with no imports, so that the statement rules, the entity lexicon and the HTML byline
 * rules can all use it without loading one another.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The weekdays of the German and French pages whose bylines we read ("Donnerstag", "jeudi"). */
export const WEEKDAYS_DE = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'] as const;
export const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** The English weekdays as written in a sentence: "Monday". */
export const CAPITALIZED_WEEKDAYS = WEEKDAYS.map((day) => day[0]!.toUpperCase() + day.slice(1));
