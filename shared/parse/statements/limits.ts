/**
 * The extractor's length limits, each declared once. They keep it linear on hostile input (text without
 * sentence ends, unclosed quote marks) and keep stored records small.
 */

/** A "sentence" longer than this is not prose: its cues are not read, and a statement stores only its own words as context. */
export const MAX_SENTENCE = 3000;
/** The longest reported clause taken seriously; longer ones come from text without sentence ends. */
export const MAX_CONTENT = 1500;
/** The longest statement kept: longer "quotations" come from a quote mark that was never closed. */
export const MAX_STATEMENT = 4000;
