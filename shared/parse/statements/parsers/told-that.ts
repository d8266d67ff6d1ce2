import { tokenize, isCapitalized } from '../text/tokens.ts';
import { HONORIFICS } from '../words.ts';
import { reportedSpeech, skipAdjuncts, skipThat, skipToThat } from './reporting.ts';

/** Listeners that stand alone after "told". */
const LISTENERS = new Set([
  'him', 'her', 'them', 'us', 'me', 'you', 'reporters', 'journalists', 'delegates', 'mps', 'lawmakers',
  'listeners', 'viewers', 'investors', 'analysts', 'shareholders', 'parliament', 'congress', 'members',
  'supporters', 'staff', 'employees', 'workers', 'colleagues', 'police', 'officers', 'officials', 'guests',
]);
/** A lower-case plural noun stands alone as a listener too ("tells voters she ...", "told donors ..."). */
const PLURAL_LISTENER = /^[a-z]{3,}[^su']s$/;
/** Nouns that end a named listener ("the AP news agency", "BBC Radio 4's Today programme"). */
const OUTLETS = new Set([
  'news', 'agency', 'newspaper', 'paper', 'programme', 'program', 'radio', 'television', 'tv', 'magazine',
  'website', 'channel', 'conference', 'committee', 'audience', 'station', 'show', 'briefing', 'meeting',
  'summit', 'gathering', 'forum', 'rally', 'court', 'jury', 'inquiry', 'hearing', 'panel', 'reporters',
]);

/** `X told Y (that) CLAUSE`: skips the listener, then any adjunct and "that". */
export const toldThat = reportedSpeech(
  'told-that',
  (cue) => cue.info.frame === 'object',
  (text, cue, sentence) => {
    const body = text.body;
    // "told friends since the spring, at fundraisers, that ...": whatever the listener, "that" opens the clause
    const afterListener = skipToThat(body, cue.end, sentence.end, false);
    if (afterListener > cue.end) return afterListener;
    const tokens = tokenize(body, cue.end, Math.min(sentence.end, cue.end + 120));
    let i = 0;
    if (tokens[i] && (LISTENERS.has(tokens[i]!.lower) || PLURAL_LISTENER.test(tokens[i]!.text))) {
      i++;
    } else {
      if (tokens[i] && /^(?:the|a|an)$/.test(tokens[i]!.lower)) i++;
      const named = i;
      // a capitalized run names the listener, up to a new name ("told the BBC Mr Howard had ...")
      while (tokens[i] && !(i > named && HONORIFICS.has(tokens[i]!.lower)) && (isCapitalized(tokens[i]!) || (i > named && /^(?:of|and)$/.test(tokens[i]!.lower)))) i++;
      while (tokens[i] && OUTLETS.has(tokens[i]!.lower) && i - named < 8) i++;
      if (i === named) return null;
    }
    const listenerEnd = tokens[i - 1]!.end;
    const at = skipAdjuncts(body, listenerEnd, sentence.end);
    const afterThat = skipThat(body, at, sentence.end);
    if (afterThat > at) return afterThat;
    const next = tokens.find((t) => t.start >= at);
    if (!next || /^(?:of|about|to|how|what|why|when|where|whether)$/.test(next.lower)) return null;
    if (/^[:;]/.test(next.text)) return null;
    return at;
  },
);
