import { describe, expect, it } from 'vitest';
import { cueForm, isHeldBack, verbKey } from '../../../scripts/build-cues.ts';
import { ACCORDING_TO, cueInfo } from '../../../shared/parse/statements/cues.ts';
import { CUE_ROWS } from '../../../shared/parse/statements/cue-data.ts';
import { summarize } from './helpers.ts';

describe('cue lexicon learned from annotated statements', () => {
  it('reads the verb of a cue as annotators wrote it', () => {
    expect(cueForm('has repeatedly said')).toBe('said');
    expect(cueForm('declined to say')).toBe('say');
    expect(cueForm('pointed out')).toBe('pointed out');
    expect(cueForm('quickly noted')).toBe('noted');
    expect(cueForm(':')).toBeNull();
    expect(cueForm("didn't")).toBeNull();
  });

  it('groups the regular forms of one verb, so that a rare form is learned with its verb', () => {
    expect(new Set(['defend', 'defends', 'defended', 'defending'].map(verbKey)).size).toBe(1);
    expect(new Set(['stress', 'stresses', 'stressed', 'stressing'].map(verbKey)).size).toBe(1);
    expect(verbKey('denies')).toBe(verbKey('denied'));
    expect(verbKey('points to')).not.toBe(verbKey('points'));
    expect(verbKey('said')).not.toBe(verbKey('say')); // irregular forms stand on their own counts
  });

  it('holds back a fixed quarter of files, by name alone', () => {
    const names = Array.from({ length: 400 }, (_, i) => `article-${i}.json`);
    const held = names.filter(isHeldBack);
    expect(held.length).toBeGreaterThan(70);
    expect(held.length).toBeLessThan(130);
    expect(names.filter(isHeldBack)).toEqual(held); // the same files every time
    expect(isHeldBack('gold/article-1.json')).toBe(isHeldBack('article-1.txt'));
  });

  it('every row carries its counts, and the frames the constructions need', () => {
    for (const [form, , speech, optional, share] of CUE_ROWS) {
      expect(form).toMatch(/^[a-z][a-z'’ -]*$/);
      expect(speech + optional).toBeGreaterThan(0);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1000);
    }
    expect(cueInfo('said')?.frame).toBe('clause');
    expect(cueInfo('told')?.frame).toBe('object');
    expect(cueInfo('described')?.frame).toBe('rest');
    expect(ACCORDING_TO).toContain('according to');
  });

  it('British spellings of learned -ize verbs', () => {
    expect(cueInfo('criticised')).toEqual(expect.objectContaining({ frame: cueInfo('criticized')!.frame }));
  });
});

describe('learned verbs in the constructions', () => {
  it('X described Y as Z', () => {
    const body = 'Egyptian President Hosni Mubarak has described Israeli Prime Minister Ariel Sharon as the best chance for the Palestinians to achieve peace.';
    expect(summarize(body)).toEqual([
      ['Hosni Mubarak', 'indirect', 'described', 'Israeli Prime Minister Ariel Sharon as the best chance for the Palestinians to achieve peace'],
    ]);
  });

  it('X urged Y to ...', () => {
    const body = 'But William Corr of the Campaign for Tobacco-Free Kids urged the government to continue pressing its case.';
    expect(summarize(body)).toEqual([['William Corr', 'indirect', 'urged', 'the government to continue pressing its case']]);
  });
});

describe('a cue whose subject is the sentence\'s', () => {
  it('X did something, saying ...: the participle reports for the subject', () => {
    const body = 'Former Cabinet minister Clare Short has criticised the US-led tsunami aid coalition, saying the UN should be leading efforts.';
    expect(summarize(body)).toEqual([
      ['Clare Short', 'indirect', 'criticised', 'the US-led tsunami aid coalition'],
      ['Clare Short', 'indirect', 'saying', 'the UN should be leading efforts'],
    ]);
  });

  it('"..., X said, adding ...": the participle reports for the speaker of the cue just before it', () => {
    const body = 'The theatre will close next month, the owner said, adding: "We simply could not make the numbers work."';
    expect(summarize(body).map(([speaker, , cue]) => [speaker, cue])).toContainEqual(['the owner', 'adding']);
  });

  it('after an introductory phrase, the subject is the phrase after its comma', () => {
    const body = 'Mr Blair spoke first. In May, a High Court judge sided with the campaigners, saying the council had acted unlawfully.';
    expect(summarize(body)).toEqual([['a High Court judge', 'indirect', 'saying', 'the council had acted unlawfully']]);
  });
});

describe('speakers described rather than named', () => {
  it('a head noun learned from annotated speakers ("the billionaire businessman")', () => {
    expect(summarize('The billionaire businessman says the club will not be sold this season.')).toEqual([
      ['The billionaire businessman', 'indirect', 'says', 'the club will not be sold this season'],
    ]);
  });

  it('a share of those polled ("About four in 10", "Almost half of the members")', () => {
    expect(summarize('About four in 10 said they would pay more for greener energy. Almost half of the members said the strike should go ahead.')).toEqual([
      ['About four in 10', 'indirect', 'said', 'they would pay more for greener energy'],
      ['Almost half of the members', 'indirect', 'said', 'the strike should go ahead'],
    ]);
  });
});
