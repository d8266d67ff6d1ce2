import { describe, expect, it } from 'vitest';
import { summarize } from './helpers.ts';

// One real sentence per construction, from the BBC corpus (../shared/corpus/bbc-news) or the example article.
describe('direct quotations', () => {
  it('attribution after the quotation: "...," X said.', () => {
    expect(summarize('"When the new stadium opens we will go through a thorough financial review," Mr Dein said.')).toEqual([
      ['Dein', 'direct', 'said', 'When the new stadium opens we will go through a thorough financial review,'],
    ]);
  });

  it('inverted attribution with a role: "...," said X, ROLE.', () => {
    const [statement] = summarize('"Smaller manufacturers are facing an uphill struggle," said Hugh Morgan Williams, chair of the CBI\'s SME Council.');
    expect(statement).toEqual(['Hugh Morgan Williams', 'direct', 'said', 'Smaller manufacturers are facing an uphill struggle,']);
  });

  it('attribution before the quotation with a comma: X said, "..."', () => {
    const body = 'While addressing the UN General Assembly in New York, Turkish President Recep Tayyip Erdogan said, “As everyone now acknowledges, Karabakh is Azerbaijani territory.”';
    expect(summarize(body)).toEqual([
      ['Recep Tayyip Erdogan', 'direct', 'said', 'As everyone now acknowledges, Karabakh is Azerbaijani territory.'],
    ]);
  });

  it('colon cue before a quotation: X said in a statement: "..."', () => {
    const body = 'On Wednesday Irish Transport Minister Martin Cullen said in a statement: "A conflict of interest cannot, should not and will not be allowed to arise."';
    expect(summarize(body)).toEqual([
      ['Martin Cullen', 'direct', 'said', 'A conflict of interest cannot, should not and will not be allowed to arise.'],
    ]);
  });

  it('a quotation split by its attribution is one statement', () => {
    const body = '"It is still looking good," he told Reuters. "We have seen good economic data on Ireland which benefits the financial stocks."';
    const withSpeaker = `Bernard McAlinden, head of equity research at NCB Stockbrokers, said equities represented good value. ${body}`;
    expect(summarize(withSpeaker)[1]).toEqual([
      'Bernard McAlinden', 'direct', 'told', 'It is still looking good, We have seen good economic data on Ireland which benefits the financial stocks.',
    ]);
  });

  it('a quotation interrupted by its attribution inside one sentence is one statement: "A," X said, "B."', () => {
    const body = '"If you look at the history of this club," Mr Wenger said, "it has always been built on patience and on young players."';
    expect(summarize(body)).toEqual([
      ['Wenger', 'direct', 'said', 'If you look at the history of this club, it has always been built on patience and on young players.'],
    ]);
  });

  it('a quotation over several paragraphs: each opens a mark, only the last closes', () => {
    const body = '"It\'s the subtleties, the eyes, the mouth - 5,000 polygons doesn\'t really sell the emotion.\n\n"With PS3 and Xbox 2, we can go on the main character with 30,000 to 50,000 polygons," he said.';
    const [statement] = summarize(`Gerhard Florin said the firm would grow.\n\n${body}`).slice(1);
    expect(statement).toEqual([
      'Gerhard Florin', 'direct', 'said',
      'It\'s the subtleties, the eyes, the mouth - 5,000 polygons doesn\'t really sell the emotion. With PS3 and Xbox 2, we can go on the main character with 30,000 to 50,000 polygons,',
    ]);
  });

  it('keeps nested single quotes inside the quotation', () => {
    const body = '"Before we ran a campaign there was a big question mark of: \'If we build it will they come?\'" she said.';
    expect(summarize(`Ms Harker said the posters worked. ${body}`)[1]?.[3]).toBe('Before we ran a campaign there was a big question mark of: \'If we build it will they come?\'');
  });

  it('future and perfect forms: X will say, X has said', () => {
    expect(summarize('Sky has said it aims to have 25% of its subscribers using Sky Plus by 2010.')).toEqual([
      ['Sky', 'indirect', 'said', 'it aims to have 25% of its subscribers using Sky Plus by 2010'],
    ]);
    expect(summarize('The chancellor will say that the economy is stronger than at any time in a generation.')[0]?.[3]).toBe(
      'the economy is stronger than at any time in a generation',
    );
  });
});

describe('reported speech', () => {
  it('X said (that) CLAUSE', () => {
    expect(summarize('Arsenal vice-chairman David Dein has said the club may consider seeking a full listing for its shares.')).toEqual([
      ['David Dein', 'indirect', 'said', 'the club may consider seeking a full listing for its shares'],
    ]);
    expect(summarize('Mr Dein said that, although television money had driven the English game forward, he feared there might now be too many games.')[0]?.[3])
      .toBe('although television money had driven the English game forward, he feared there might now be too many games');
  });

  it('X told Y (that) CLAUSE', () => {
    expect(summarize('Mr Walsh told the AP news agency that he had received more than 40 business proposals.')).toEqual([
      ['Walsh', 'indirect', 'told', 'he had received more than 40 business proposals'],
    ]);
  });

  it('X accused Y of Z', () => {
    expect(summarize('In his speech, Erdogan also accused Armenia of violating the cease-fire and truce reached earlier.')).toEqual([
      ['Erdogan', 'indirect', 'accused', 'Armenia of violating the cease-fire and truce reached earlier'],
    ]);
  });

  it('X denied at a news conference that ...: a phrase of where or when before the clause', () => {
    expect(summarize('The minister denied at a news conference that the army had shelled the town.')).toEqual([
      ['The minister', 'indirect', 'denied', 'the army had shelled the town'],
    ]);
    expect(summarize('The minister denied on Tuesday that the army had shelled the town.')[0]?.[3]).toBe('the army had shelled the town');
  });

  it('X alleged/asserted/warned/claimed/denied/reported ... that', () => {
    const body = [
      'Armenia has asserted that Azerbaijan\'s actions have contributed to a humanitarian crisis.',
      'Mr Walsh denied they had been forced out early because of the reports.',
      'Azerbaijan\'s Ministry of Foreign Affairs reported that at least six individuals had lost their lives.',
      'Union leaders and trade campaigners have been warning that developing nations could lose thousands of jobs.',
    ].join(' ');
    expect(summarize(body).map(([speaker, , cue]) => [speaker, cue])).toEqual([
      ['Armenia', 'asserted'],
      ['Walsh', 'denied'],
      ["Azerbaijan's Ministry of Foreign Affairs", 'reported'],
      ['Union leaders and trade campaigners', 'warning'],
    ]);
  });

  it('CLAUSE, X said.', () => {
    expect(summarize('Six foreign-owned textile factories have closed in Lesotho, leaving 6,650 garment workers jobless, union officers told the AP news agency.')).toEqual([
      ['union officers', 'indirect', 'told', 'Six foreign-owned textile factories have closed in Lesotho, leaving 6,650 garment workers jobless'],
    ]);
  });

  it('according to X after an opening connective, and an unnamed source kept as written', () => {
    expect(summarize('Now, according to Asahi Breweries, the market for so-called "beer-like" drinks is set to grow 84% this year.')).toEqual([
      ['Asahi Breweries', 'indirect', 'according to', 'the market for so-called beer-like drinks is set to grow 84% this year'],
    ]);
    expect(summarize('However, according to researchers, it will still take many years to build such a robot.')).toEqual([
      ['researchers', 'indirect', 'according to', 'it will still take many years to build such a robot'],
    ]);
  });

  it('according to X, CLAUSE and CLAUSE, according to X', () => {
    expect(summarize('According to the CBI, manufacturers are facing rising costs this year.')).toEqual([
      ['CBI', 'indirect', 'according to', 'manufacturers are facing rising costs this year'],
    ]);
    expect(summarize('House prices rose by 0.6% in December, according to the Nationwide.')[0]?.slice(0, 2)).toEqual(['Nationwide', 'indirect']);
  });

  it('colon cue without quotation marks: X told reporters: CLAUSE', () => {
    expect(summarize('The minister told reporters: the talks will resume next week in Geneva.')[0]?.slice(1)).toEqual([
      'indirect', 'told', 'the talks will resume next week in Geneva',
    ]);
  });

  it('verbs of finding and believing need a clause', () => {
    expect(summarize('A CBI quarterly survey found output had risen by the fastest rate in seven years.')[0]?.slice(0, 3)).toEqual(['CBI', 'indirect', 'found']);
    expect(summarize('Police found the body of a man near the river on Sunday morning.')).toEqual([]);
  });

  it('a partial quotation inside reported speech is part of it, without its marks', () => {
    expect(summarize('In a statement recorded for television, Mr Blair said the families deserved "to be completely and publicly exonerated".')).toEqual([
      ['Blair', 'indirect', 'said', 'the families deserved to be completely and publicly exonerated'],
    ]);
  });
});

describe('a quoted title the attribution follows', () => {
  it('after a preposition, an article or a possessive the quotation is a noun phrase, and the attribution reports the rest', () => {
    expect(summarize('On ABC News\'s "This Week," Rubio said that Democrats are afraid to offend anyone.')).toEqual([
      ['Rubio', 'indirect', 'said', 'Democrats are afraid to offend anyone'],
    ]);
  });
});

describe('a quotation split by a long attribution', () => {
  it('the quotation opening the next sentence goes on with the first part', () => {
    const body = '"They are advertising against me," Clinton said, referencing a super PAC funded by two donors. "So they clearly think I will win."';
    expect(summarize(body)).toEqual([['Clinton', 'direct', 'said', 'They are advertising against me, So they clearly think I will win.']]);
  });
});

describe('a speaker inside a long subject', () => {
  it('several appositives between the name and the cue', () => {
    const body = 'Gustav Ando, research director for IHS Life Sciences, a business information and consulting company, said he thought the deal was carefully structured.';
    expect(summarize(body)).toEqual([['Gustav Ando', 'indirect', 'said', 'he thought the deal was carefully structured']]);
  });

  it('an initial in the name is not an article', () => {
    const body = 'Jill A. Martin, vice president of the Trump Organization, said in a written statement in March that the allegations had no substance.';
    expect(summarize(body)).toEqual([['Jill A. Martin', 'indirect', 'said', 'the allegations had no substance']]);
  });

  it('an opening time phrase or connective before the name and its appositive names no one', () => {
    expect(summarize('On Tuesday, Kevin Brady, chairman of the House Ways and Means Committee, said that Republicans might include a delay.')).toEqual([
      ['Kevin Brady', 'indirect', 'said', 'Republicans might include a delay'],
    ]);
    expect(summarize('However, the director of the FBI, James B. Comey, said that the messages were private.')).toEqual([
      ['James B. Comey', 'indirect', 'said', 'the messages were private'],
    ]);
  });
});

describe('a reported clause ends where another attribution starts', () => {
  it('"Asked if ..., X replied, "..."": the question ends at the comma, the answer is the chairman\'s', () => {
    const body = 'Asked if it had appeared that the club was in trouble, the chairman replied, "Well, maybe so. That is why we acted."';
    expect(summarize(body).map(([speaker, kind, cue]) => [speaker, kind, cue])).toEqual([['a reporter', 'indirect', 'asked'], ['the chairman', 'direct', 'replied']]);
  });
});

describe('not statements', () => {
  it('passive and negated cues', () => {
    expect(summarize('The deal is said to be worth more than £1bn to the company.')).toEqual([]);
    expect(summarize('Mr Balls refused to say whether Mr Brown would remain as chancellor after the election.')).toEqual([]);
  });

  it('scare quotes, nicknames and titles of works', () => {
    expect(summarize('PVRs let viewers effectively "time shift" the viewing experience.')).toEqual([]);
    expect(summarize('The film "The Lord Of The Rings" was shown on Sunday.')).toEqual([]);
  });

  it('headings', () => {
    expect(summarize('Minister says cuts are needed now\n\nThe economy grew by 2% last year.')).toEqual([]);
  });
});

describe('speaker phrases', () => {
  it('an apposition between dashes', () => {
    const body = 'However, one of the so-called Guildford Four, Gerry Conlon - who was wrongly convicted of planting the bombs - said the families were delighted with the apology.';
    expect(summarize(body)[0]?.slice(0, 2)).toEqual(['Gerry Conlon', 'indirect']);
  });

  it('a role before the name inside the commas, and a name after an inverted role', () => {
    expect(summarize("Universities Scotland's Director, David Caldwell, said some students could be applying early.")[0]?.[0]).toBe('David Caldwell');
    const quoted = '"It will be a tragedy if the government comes through with a half-hearted response," said the chairman of the Commons education select committee, Labour MP Barry Sheerman.';
    expect(summarize(quoted)[0]?.[0]).toBe('Barry Sheerman');
  });

  it('a participle after the attribution carries its speaker: "..., adding: "..."', () => {
    const body = 'He said Mr Blair had spoken with "such sincerity", adding: "He went beyond what we thought he would, he took time to listen to everyone."';
    expect(summarize(`Gerry Conlon spoke on Monday. ${body}`).map(([speaker, kind, cue]) => [speaker, kind, cue])).toEqual([
      ['Gerry Conlon', 'indirect', 'said'],
      ['Gerry Conlon', 'direct', 'adding'],
    ]);
  });

  it('US style: "Sen. X, R-Ky., said Tuesday" and "told reporters at the White House that"', () => {
    expect(summarize('“We will not back down,” Sen. Mitch McConnell, R-Ky., said Tuesday.')[0]?.slice(0, 2)).toEqual(['Mitch McConnell', 'direct']);
    expect(summarize('Biden told reporters at the White House that the talks had failed.')[0]?.slice(2)).toEqual(['told', 'the talks had failed']);
  });

  it('"it said" with no earlier speaker is the organisation named before', () => {
    const body = 'The National Audit Office published its review on Monday. It said there was little evidence that performance had improved.';
    expect(summarize(body)[0]?.[0]).toBe('National Audit Office');
  });

  it('the journalist speaking in the first person is not a source', () => {
    expect(summarize('I said that the plan would fail, and we warned that costs would rise.')).toEqual([]);
  });
});

describe('speaker phrases, US political style', () => {
  it('a party bracket after the name, then an appositive: "Sen. X (R-Ga.), ROLE, said ..."', () => {
    const body = 'Sen. Jane Hollis (R-Ga.), one of the authors of the bill, said she remembers the night it passed.';
    expect(summarize(body)).toEqual([['Jane Hollis', 'indirect', 'said', 'she remembers the night it passed']]);
  });

  it('a time phrase of several words between speaker and cue: "X on Thursday evening said ..."', () => {
    const body = 'Party spokesman Tom Reed on Thursday evening said the party was not in a crisis.';
    expect(summarize(body)).toEqual([['Tom Reed', 'indirect', 'said', 'the party was not in a crisis']]);
  });

  it('"have long insisted": an adverb of time between speaker and cue', () => {
    expect(summarize('The senator\'s advisers have long insisted they expected a close race.')).toEqual([
      ['The senator\'s advisers', 'indirect', 'insisted', 'they expected a close race'],
    ]);
  });

  it('a relative clause before a cue without "that" is not an inverted attribution', () => {
    const body = 'Ann Marsh, who represents a rural district, said Mr. Olsen had insulted farmers.';
    expect(summarize(body)).toEqual([['Ann Marsh', 'indirect', 'said', 'Mr. Olsen had insulted farmers']]);
  });
});

describe('where a reported clause ends', () => {
  it('a quotation opened in the clause carries it past a full stop inside the quotation', () => {
    const body = 'Mike Murphy said the Trump "train may have left the station. I don\'t want to be a critic." Then he left.';
    expect(summarize(body)).toEqual([['Mike Murphy', 'indirect', 'said', 'the Trump train may have left the station. I don\'t want to be a critic.']]);
  });

  it('", while N percent said ...": two shares of those polled, two statements', () => {
    const body = 'Among his voters, 70 percent said they are sure of their choice, while 25 percent said they might change their mind.';
    expect(summarize(body)).toEqual([
      ['70 percent', 'indirect', 'said', 'they are sure of their choice'],
      ['25 percent', 'indirect', 'said', 'they might change their mind'],
    ]);
  });

  it('a semicolon closes the clause', () => {
    expect(summarize('Both firms say the region has more buyers; one counts 500 of them.')[0]?.[3]).toBe('the region has more buyers');
  });

  it('"...," X said, but he said CLAUSE: the contrasting clause is a statement of its own', () => {
    const body = '"Checking is one thing," Tom Lane said on the radio, but he said he is being asked about events of 30 years ago.';
    expect(summarize(body)).toEqual([
      ['Tom Lane', 'direct', 'said', 'Checking is one thing,'],
      ['Tom Lane', 'indirect', 'said', 'he is being asked about events of 30 years ago'],
    ]);
  });
});

describe('reported speech next to a quotation\'s attribution', () => {
  it('another cue inside the attribution reports a statement of its own', () => {
    const body = '"We show our anger," said Ann Reed, who acknowledged the candidate was her fourth choice.';
    expect(summarize(body)).toEqual([
      ['Ann Reed', 'direct', 'said', 'We show our anger,'],
      ['Ann Reed', 'indirect', 'acknowledged', 'the candidate was her fourth choice'],
    ]);
  });

  it('X declared "..." and said that CLAUSE: two statements', () => {
    const body = 'Senator Mary Cole declared "What a night!" and said that her campaign would go on across the nation.';
    expect(summarize(body)).toEqual([
      ['Mary Cole', 'direct', 'declared', 'What a night!'],
      ['Mary Cole', 'indirect', 'said', 'her campaign would go on across the nation'],
    ]);
  });

  it('the words after the attribution\'s own cue are no reported speech', () => {
    const body = '"We like a lot of the candidates," Tom Bell said at the opening of his new hotel in the capital.';
    expect(summarize(body)).toEqual([['Tom Bell', 'direct', 'said', 'We like a lot of the candidates,']]);
  });
});

describe('"that" behind a phrase the adjunct rule does not know', () => {
  it('X stated of TOPIC that ..., X wrote in a DOCUMENT of ... that ...', () => {
    expect(summarize('Mr. Hale stated of the tax plan that the numbers were not good.')).toEqual([['Hale', 'indirect', 'stated', 'the numbers were not good']]);
    expect(summarize('Jo Park wrote in the listing of the old car that she plans to give the money away.')).toEqual([
      ['Jo Park', 'indirect', 'wrote', 'she plans to give the money away'],
    ]);
  });

  it('X told LISTENER, at length, that ...: any listener, then "that"', () => {
    const body = 'Jane Cole has told friends since the spring, at dinners and in private meetings, that she is worried about the race.';
    expect(summarize(body)).toEqual([['Jane Cole', 'indirect', 'told', 'she is worried about the race']]);
  });

  it('X tells PLURAL-NOUN CLAUSE without "that"', () => {
    expect(summarize('Governor Amy Lind tells voters she is with them.')).toEqual([['Amy Lind', 'indirect', 'tells', 'she is with them']]);
  });

  it('a relative "that" after the clause\'s own subject is part of the clause', () => {
    expect(summarize('The minister said the plan that he proposed was good.')[0]?.[3]).toBe('the plan that he proposed was good');
  });
});

describe('sentences of web copy', () => {
  it('a no-break space after the full stop still ends the sentence: the next quotation continues the quote', () => {
    const body = '"The police are misunderstood," he said.\u00a0"And if there is an incident, it is on the news all week."';
    expect(summarize(`Tom Hart spoke in Ohio. ${body}`)).toEqual([
      ['Tom Hart', 'direct', 'said', 'The police are misunderstood, And if there is an incident, it is on the news all week.'],
    ]);
  });
});

describe('clause first, attribution last', () => {
  it('a partial quotation opening the clause: \'"A" would be right, X said after EVENT.\'', () => {
    const body = '"More troops" would be the answer, Republican candidate Ann Reed said after the attacks.';
    expect(summarize(body)).toEqual([['Ann Reed', 'indirect', 'said', 'More troops would be the answer']]);
  });

  it('a partial quotation closing the clause: \'Words of the sentence "A," X said.\'', () => {
    const body = 'But the 777-200LR "is a niche player", Mr Learmount continued, adding that reach was not the only criteria.';
    expect(summarize(body)[0]).toEqual(['Learmount', 'indirect', 'continued', 'But the 777-200LR is a niche player']);
  });

  it('an inverted speaker with a role and a relative clause: \'CLAUSE, said X, ROLE, who ...\'', () => {
    const body = 'Nor are tariffs likely to bring these jobs back, said Dan Marsh, a professor of economics, who is one of the experts on trade.';
    expect(summarize(body)).toEqual([['Dan Marsh', 'indirect', 'said', 'Nor are tariffs likely to bring these jobs back']]);
  });
});

describe('more between speaker and cue', () => {
  it('"X last week said", "X has since said"', () => {
    expect(summarize('Glen Beck last week said the party was seeking a new leader.')).toEqual([['Glen Beck', 'indirect', 'said', 'the party was seeking a new leader']]);
    expect(summarize('Ted Cole has since said he now believes the system needs reform.')).toEqual([['Ted Cole', 'indirect', 'said', 'he now believes the system needs reform']]);
  });

  it('"X said ... and others have said ...": a new subject ends the first clause', () => {
    const body = 'Many senior Republicans have said they will not attend the convention and others have said they are not interested in speaking.';
    expect(summarize(body)).toEqual([
      ['Many senior Republicans', 'indirect', 'said', 'they will not attend the convention'],
      ['others', 'indirect', 'said', 'they are not interested in speaking'],
    ]);
  });
});

describe('speakers and clause ends, continued', () => {
  it('a name\'s described speaker: "Rival Jane Roe\'s campaign says ..."', () => {
    expect(summarize('Rival Jane Roe’s campaign says it raised roughly $15 million in January.')).toEqual([
      ['Rival Jane Roe’s campaign', 'indirect', 'says', 'it raised roughly $15 million in January'],
    ]);
  });

  it('", though Mrs. X said ...": a new subject ends the clause before it', () => {
    const body = 'Tom Hale said the history is a fair criticism, though Mrs. Dunn said she doubted voters would care.';
    expect(summarize(body)).toEqual([
      ['Tom Hale', 'indirect', 'said', 'the history is a fair criticism'],
      ['Dunn', 'indirect', 'said', 'she doubted voters would care'],
    ]);
  });

  it('"X, who said A, said B": the cue after the comma is the main verb, two statements', () => {
    const body = 'Ray Barr, who said he usually votes for the left, said one candidate he likes is the governor.';
    expect(summarize(body)).toEqual([
      ['Ray Barr', 'indirect', 'said', 'he usually votes for the left'],
      ['Ray Barr', 'indirect', 'said', 'one candidate he likes is the governor'],
    ]);
  });
});

describe('a subject with a relative clause', () => {
  it('"people who have fought X say ...": the noun phrase before "who" speaks', () => {
    expect(summarize('Still, people who have fought other online threats say the industry could be doing more.')).toEqual([
      ['people', 'indirect', 'say', 'the industry could be doing more'],
    ]);
  });
});

describe('precision kept while clauses end earlier', () => {
  it('a semicolon inside brackets or an entity does not close the clause', () => {
    expect(summarize('The firm said sales were down 4% in 2004 to 789m euros ($1.03bn; £548m).')[0]?.[3]).toBe('sales were down 4% in 2004 to 789m euros ($1.03bn; £548m)');
  });

  it('"although some had expected" (a belief) does not end the clause; a concession with speech does', () => {
    expect(summarize('Analysts said the firm seemed to have done well out of the deal, although some predictions had expected more.')[0]?.[3]).toBe(
      'the firm seemed to have done well out of the deal, although some predictions had expected more',
    );
  });

  it('"and was expected to ...": no new subject, one clause', () => {
    expect(summarize('Monica Chadha said air travel had increased by almost 20% and was expected to rise even further.')[0]?.[3]).toBe(
      'air travel had increased by almost 20% and was expected to rise even further',
    );
  });

  it('"...," said X, who wrote the biography of Y: an object, not reported speech', () => {
    const body = '"It opened up a sense of disillusionment," said Ros Hale, who wrote the authorised biography of the princess.';
    expect(summarize(body)).toEqual([['Ros Hale', 'direct', 'said', 'It opened up a sense of disillusionment,']]);
  });

  it('"CLAUSE, said X, ROLE, which ...": only a person\'s relative clause follows an inverted speaker', () => {
    const body = 'Microsoft chief Bill Gates announced a partnership with TiVo, called TiVoToGo, which means people can play recorded programmes on PCs.';
    expect(summarize(body)[0]?.slice(0, 3)).toEqual(['Bill Gates', 'indirect', 'announced']);
  });
});

describe('according to, continued', () => {
  it('after a colon, the cue opens a clause of its own', () => {
    expect(summarize('It has not gone unnoticed: According to recent polls, the senator holds only 14 percent of the vote.')).toEqual([
      ['recent polls', 'indirect', 'according to', 'the senator holds only 14 percent of the vote'],
    ]);
  });

  it('an aside after the source set off by a dash', () => {
    const body = 'The plan would raise only $1.1 trillion over the decade, according to the Tax Policy Center - half a point of output.';
    expect(summarize(body)).toEqual([['Tax Policy Center', 'indirect', 'according to', 'The plan would raise only $1.1 trillion over the decade']]);
  });

  it('a long source phrase, kept as written', () => {
    const body = 'Trump nearly quintupled the rent his campaign pays, according to a Huffington Post review of Federal Election Commission filings.';
    expect(summarize(body)).toEqual([
      ['a Huffington Post review of Federal Election Commission filings', 'indirect', 'according to', 'Trump nearly quintupled the rent his campaign pays'],
    ]);
  });

  it('a reported clause ends before the closing source of its sentence', () => {
    const body = 'The Islamic State has previously called for attacks using vehicles, according to the SITE Intelligence Group, which monitors extremist statements.';
    expect(summarize(body)).toEqual([['SITE Intelligence Group', 'indirect', 'according to', 'The Islamic State has previously called for attacks using vehicles']]);
  });

  it('only a connective before the opening cue, or a subordinate clause after the closing source', () => {
    expect(summarize('But according to two of his aides, he wants to campaign for his colleagues this fall.')).toEqual([
      ['two of his aides', 'indirect', 'according to', 'he wants to campaign for his colleagues this fall'],
    ]);
    expect(summarize('Union members favored Mr. Obama by 20 points, according to union polling, even as white men favored Republicans.')).toEqual([
      ['union polling', 'indirect', 'according to', 'Union members favored Mr. Obama by 20 points'],
    ]);
  });

  it('inside an aside between dashes, or without a comma, it is no attribution', () => {
    expect(summarize('Most Americans - 63 percent in 2014, according to the National Academies report - still believe immigration is good.')).toEqual([]);
    expect(summarize('The actor is realistically modelled according to the laws of physics.')).toEqual([]);
  });
});

describe('reported speech interrupted by its attribution', () => {
  it('"A, officials said, B": one statement, A and B', () => {
    expect(summarize('Whatever progress the envoy has made, officials said, could easily be undone by events.')).toEqual([
      ['officials', 'indirect', 'said', 'Whatever progress the envoy has made could easily be undone by events'],
    ]);
  });

  it('a dash inside the clause is no aside: "..., according to a report."', () => {
    const body = 'Businesses are set to prosper during the next few months - but this could trigger more rate rises, according to a report.';
    expect(summarize(body)).toEqual([
      ['a report', 'indirect', 'according to', 'Businesses are set to prosper during the next few months - but this could trigger more rate rises'],
    ]);
  });
});

describe('questions put to a speaker', () => {
  it('Asked if ..., X said ...: the question is a statement of its unnamed asker, the answer is X\'s', () => {
    const body = 'Asked if she believed Putin wanted Trump to win the White House, Clinton said she was not going to jump to that conclusion.';
    expect(summarize(body)).toEqual([
      ['a reporter', 'indirect', 'asked', 'if she believed Putin wanted Trump to win the White House'],
      ['Clinton', 'indirect', 'said', 'she was not going to jump to that conclusion'],
    ]);
  });

  it('a question no comma closes ends where the answer\'s speaker starts', () => {
    const body = 'Asked why he thought the warnings were not there Lord Butler said: "One has got to remember what the dossier was for."';
    expect(summarize(body).map(([speaker, , , words]) => [speaker, words])).toEqual([
      ['a reporter', 'why he thought the warnings were not there'],
      ['Lord Butler', 'One has got to remember what the dossier was for.'],
    ]);
  });

  it('a quotation inside the question does not end it', () => {
    const body = 'Asked if he was appointed as the result of a "fair and open" competition, he replied: "I have been appointed."';
    expect(summarize(body)[0]).toEqual(['a reporter', 'indirect', 'asked', 'if he was appointed as the result of a fair and open competition']);
  });

  it('Asked by X to ...: the asker is named', () => {
    const body = 'Asked by Stephanopoulos to respond to Trump’s criticism, Carson said, “What does it say about people who immediately jump on the bandwagon?”';
    expect(summarize(body)[0]).toEqual(['Stephanopoulos', 'indirect', 'asked', 'to respond to Trump’s criticism']);
  });

  it('a quotation after the question keeps the speaker before it, not the asker', () => {
    const body = 'Bernie Sanders said the campaign would go on. He had previously said, “We’ll see,” when asked whether he would fundraise on behalf of other candidates. “We are not done.”';
    const speakers = summarize(body).map(([speaker, , , words]) => [speaker, words]);
    expect(speakers).toContainEqual(['a reporter', 'whether he would fundraise on behalf of other candidates']);
    expect(speakers[speakers.length - 1]).toEqual(['Bernie Sanders', 'We are not done.']);
  });
});

describe('speakers the noun-phrase rules missed', () => {
  it('a share spelled out in words: "Sixty-six percent said ..."', () => {
    expect(summarize('Sixty-six percent said it made no difference to them.')).toEqual([
      ['Sixty-six percent', 'indirect', 'said', 'it made no difference to them'],
    ]);
  });

  it('a connective between speaker and cue, bare or set off by commas', () => {
    expect(summarize('Carter however said he would welcome China’s participation in a “principled security network” for Asia.')[0]?.[0]).toBe('Carter');
    expect(summarize('Proponents of the new bill, however, say it would keep enough federal safeguards in place.')).toEqual([
      ['Proponents of the new bill', 'indirect', 'say', 'it would keep enough federal safeguards in place'],
    ]);
  });

  it('a definite description opening the sentence speaks as written: "The magazine said ..."', () => {
    expect(summarize('The magazine said the reader-chosen cookie poll winner has correctly predicted the White House winner in five of the past six election cycles.')).toEqual([
      ['The magazine', 'indirect', 'said', 'the reader-chosen cookie poll winner has correctly predicted the White House winner in five of the past six election cycles'],
    ]);
  });

  it('any description opening a clause speaks as written: "One attendee, who ..., said", "even though a number of attendees said"', () => {
    expect(summarize('One attendee, who spoke on the condition of anonymity, said the message was that the race would go on.')).toEqual([
      ['One attendee', 'indirect', 'said', 'the message was that the race would go on'],
    ]);
    expect(summarize('The operation was outmatched, even though a number of attendees said they supported him.')).toEqual([
      ['a number of attendees', 'indirect', 'said', 'they supported him'],
    ]);
    expect(summarize('A fan says she saw Edwards in the hippy resort of Goa.')).toEqual([['A fan', 'indirect', 'says', 'she saw Edwards in the hippy resort of Goa']]);
  });

  it('"who" right before the cue stands for the noun phrase before it', () => {
    expect(summarize('President Obama rebuked critics who say he should condemn terrorists as radical Islamists.')).toEqual([
      ['critics', 'indirect', 'say', 'he should condemn terrorists as radical Islamists'],
    ]);
  });

  it('but not a noun read as a verb, nor a cue that names', () => {
    expect(summarize('His recent claim that he won the debate was repeated in the ads.')).toEqual([]);
    expect(summarize('A Windows virus called Bofra is turning infected machines into distributors of its code.')).toEqual([]);
  });
});

describe('the journalist\'s narration after a reported clause', () => {
  it('"..., and he railed against ...": the speaker\'s own doings are not what he said', () => {
    const body = 'Rubio said the real extremist on abortion is Hillary Clinton, and he railed against Democratic debate moderators for failing to bring up abortion.';
    expect(summarize(body)[0]?.[3]).toBe('the real extremist on abortion is Hillary Clinton');
  });

  it('"... but did not suggest ...": a verb phrase with no subject of its own ends the clause', () => {
    const body = 'He said that he would offer "a prayer" for the eventual Republican nominee but did not suggest it would be Trump.';
    expect(summarize(body)[0]?.[3]).toBe('he would offer a prayer for the eventual Republican nominee');
  });
});

describe('roles with modifiers', () => {
  it('"The Florida senator" is not simply the person quoted last: it stays as written', () => {
    const body = 'Jeb Bush says he’s “excited where we stand” in South Carolina. The Florida senator is telling reporters in Minnesota that he is looking ahead to the March 15 contest in his home state.';
    expect(summarize(body).map(([speaker]) => speaker)).toEqual(['Jeb Bush', 'The Florida senator']);
  });
});

describe('a name and a colon before a quotation', () => {
  it('"... - Michael P. McDonald: “...”": the name after a dash speaks', () => {
    const body = 'Higher than expected turnout in Iowa does not increase expectations in other states - Michael P. McDonald: “At long last the 2016 presidential nomination contests have finally started.”';
    expect(summarize(body)).toEqual([
      ['Michael P. McDonald', 'direct', ':', 'At long last the 2016 presidential nomination contests have finally started.'],
    ]);
  });

  it('a topic before the colon is no speaker', () => {
    expect(summarize('The message to Iran was blunt: “We will not wait for ever.”')).toEqual([]);
  });
});

describe('a closing "according to" whose source runs on', () => {
  it('a relative clause after the source belongs to the source', () => {
    const body = 'Conversations between government officials and tech companies have been going on for more than a year, according to a senior administration official who spoke on the condition of anonymity.';
    expect(summarize(body)).toEqual([
      ['a senior administration official', 'indirect', 'according to', 'Conversations between government officials and tech companies have been going on for more than a year'],
    ]);
  });
});

describe('verbs whose object is the content', () => {
  it('"called him divisive": two words are content enough', () => {
    expect(summarize('In a fiery takedown of the businessman, Sen. Bernie Sanders (I-Vt.) called him divisive.')).toEqual([
      ['Bernie Sanders', 'indirect', 'called', 'him divisive'],
    ]);
  });
});

describe('short reported clauses', () => {
  it('"he said that torture “works.”": two words are a clause', () => {
    expect(summarize('More than once, Donald Trump said that torture “works.”')).toEqual([
      ['Donald Trump', 'indirect', 'said', 'torture works.'],
    ]);
  });
});

describe('a pronoun with a contracted auxiliary', () => {
  it('"he’s predicting that ...", "He’s said ...": the pronoun speaks', () => {
    const body = 'Ted Cruz spoke in Houston. And he’s predicting that the competition will become so fierce that it will become clear that Trump “has no chance.”';
    expect(summarize(body)[0]?.slice(0, 3)).toEqual(['Ted Cruz', 'indirect', 'predicting']);
  });
});

describe('a reported clause inside an opening subordinate clause', () => {
  it('"While X claimed that ..., Y affirm ...": the comma closing the subordinate clause ends it', () => {
    const body = 'While Clinton wrongly claimed that the videos exist, foreign policy experts affirm that it is highly likely that Trump will be used as a recruiting tool in the future.';
    expect(summarize(body)[0]).toEqual(['Clinton', 'indirect', 'claimed', 'the videos exist']);
  });
});

describe('"at least" after the cue', () => {
  it('opens the clause\'s subject, not an adjunct ("said at the rally")', () => {
    const body = 'Friday morning, as the Rose Bowl parade rolled through Pasadena, CNN reported at least six skywriting planes filled the skies with anti-Trump messages.';
    expect(summarize(body)).toEqual([['CNN', 'indirect', 'reported', 'at least six skywriting planes filled the skies with anti-Trump messages']]);
  });
});

describe('more between a speaker and the cue', () => {
  it('"Fact-checkers soon noted", "experts even noted": soon and even', () => {
    expect(summarize('Fact-checkers soon noted that Clinton may have been referring to a hypothetical situation.')[0]?.[0]).toBe('Fact-checkers');
  });

  it('a long bracket after the name', () => {
    const body = 'Few politicians would ever admit this, but Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was unfocused in the weeks after being elected.';
    expect(summarize(body)[0]?.slice(0, 3)).toEqual(['Chris Murphy', 'indirect', 'says']);
  });

  it('an aside between dashes after a noun phrase with no name: the phrase speaks', () => {
    const body = 'Many speakers at the service — including Muslims, Christians, Catholics, Jews — said Ali’s death is particularly painful at a time when political rhetoric is dividing the country further.';
    expect(summarize(body)[0]?.slice(0, 3)).toEqual(['Many speakers at the service', 'indirect', 'said']);
  });
});

describe('a role with a capitalized modifier', () => {
  it('"The Ohio governor" is not the New Jersey governor quoted before', () => {
    const body = 'New Jersey Gov. Chris Christie said the state had cut crime. The Ohio governor said the U.S. needs to secure the border and create a guest-worker program.';
    expect(summarize(body).map(([speaker]) => speaker)).toEqual(['Chris Christie', 'The Ohio governor']);
  });
});

describe('a participle after a preposition', () => {
  it('"He explained ... by saying: “...”": the sentence\'s subject speaks', () => {
    const body = 'Glenn Beck spoke on Friday. He explained the Drudge headline by saying: “It was because last night when I got home I did something that I don’t think is controversial.”';
    expect(summarize(body).map((statement) => statement.slice(0, 3))).toEqual([['Glenn Beck', 'direct', 'saying']]);
  });
});

describe('clause first, attribution last, continued', () => {
  it('"CLAUSE, X said, adding that ...": the attribution is the cue before the participle', () => {
    const body = 'Washington did not complain when China\'s spending helped global growth, a Chinese official said, adding that the impact of closing factories was hard to estimate.';
    expect(summarize(body)).toEqual([
      ['a Chinese official', 'indirect', 'said', 'Washington did not complain when China\'s spending helped global growth'],
      ['a Chinese official', 'indirect', 'adding', 'the impact of closing factories was hard to estimate'],
    ]);
  });
});

describe('turns of a transcript', () => {
  const transcript = [
    'The exchange went as follows:',
    'TAPPER: Do you think Donald Trump has campaigned as a racial healer?',
    'FALLIN: I think he is trying to campaign as a racial healer.',
  ].join('\n\n');

  it('a label and a colon open each turn, and the rest of the paragraph is what was said', () => {
    expect(summarize(transcript)).toEqual([
      ['TAPPER', 'direct', ':', 'Do you think Donald Trump has campaigned as a racial healer?'],
      ['FALLIN', 'direct', ':', 'I think he is trying to campaign as a racial healer.'],
    ]);
  });

  it('one labelled paragraph is a heading or a lead-in, and a list of names is no turn', () => {
    expect(summarize('Poll: Donald Trump ties Hillary Clinton in a three-way contest.\n\nThe poll was taken in May.')).toEqual([]);
    expect(summarize('Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.\n\nNevada: Adam Khan, Andres Ramirez, Andrew Diss, Barbara Buckley.')).toEqual([]);
  });
});

describe('a participle after a message the subject sent', () => {
  it('"X issued a statement saying CLAUSE" reports what X said', () => {
    const body = 'The Actors\' Equity Association issued a statement saying Davis had been an icon of the American theatre.';
    expect(summarize(body)).toEqual([['Actors\' Equity Association', 'indirect', 'saying', 'Davis had been an icon of the American theatre']]);
  });

  it('a message not sent by the subject does not give it the words', () => {
    expect(summarize('Both senators had to respond to videos showing that they supported some degree of legalization.')).toEqual([]);
  });
});

describe('a quotation the reported clause runs on after', () => {
  it('\'X said "A" B\': the whole clause is reported speech with a partial quote', () => {
    const body = 'The mayor said “it breaks my heart” every time she drives past the boarded-up mill on the river.';
    expect(summarize(body)).toEqual([
      ['The mayor', 'indirect', 'said', 'it breaks my heart every time she drives past the boarded-up mill on the river'],
    ]);
  });

  it('a quotation that ends the sentence stays direct', () => {
    expect(summarize('The mayor said, “It breaks my heart.”')).toEqual([['The mayor', 'direct', 'said', 'It breaks my heart.']]);
  });

  it('\'A, X said, "B" C\': an interrupted clause whose second part opens with a partial quote', () => {
    const body = 'The new harbour wall, the engineers said, “is a textbook case of planning ahead” for rising seas along the coast.';
    expect(summarize(body)).toEqual([
      ['the engineers', 'indirect', 'said', 'The new harbour wall is a textbook case of planning ahead for rising seas along the coast'],
    ]);
  });
});

describe('a participle with a subject of its own after "with"', () => {
  it('"..., with X calling it ...": the noun phrase after "with" speaks', () => {
    const body = 'The proposal drew scorn on Capitol Hill, with Sen. Dana Whitfield calling it “a recipe for gridlock.”';
    expect(summarize(body)).toEqual([['Dana Whitfield', 'indirect', 'calling', 'it a recipe for gridlock.']]);
  });

  it('"with 30 percent of voters saying ...": a share of people speaks too', () => {
    const body = 'The survey showed the governor slipping, with 30 percent of voters saying they trust him on the economy.';
    expect(summarize(body)).toEqual([['30 percent of voters', 'indirect', 'saying', 'they trust him on the economy']]);
  });

  it('a thing after "with" is no speaker', () => {
    expect(summarize('The figures came out on Friday, with the economy adding about 200,000 jobs in May.')).toEqual([]);
  });
});

describe('more adjuncts between the cue and its clause', () => {
  it('"has said for months that ...": how long it has been said', () => {
    const body = 'The mayor has said for months that the budget will be balanced by June.';
    expect(summarize(body)).toEqual([['The mayor', 'indirect', 'said', 'the budget will be balanced by June']]);
  });

  it('"said Wednesday morning" is an adjunct, not the clause', () => {
    expect(summarize('The budget gap will widen next year, the treasurer said Wednesday morning.')).toEqual([
      ['the treasurer', 'indirect', 'said', 'The budget gap will widen next year'],
    ]);
  });

  it('"said about half of ...": a quantity opens the clause\'s subject', () => {
    const body = 'The housing agency said about half of the new homes were built on former farmland.';
    expect(summarize(body)).toEqual([['The housing agency', 'indirect', 'said', 'about half of the new homes were built on former farmland']]);
  });
});

describe('a relative clause closing an inverted attribution', () => {
  it('\'CLAUSE, said X, ROLE, who notes that ...\': the relative clause\'s own cue and "that" do not end the attribution', () => {
    const body = 'The levy will cost farmers far more than the county expects, said Maria Olsen, an economist at the state university, who notes that costs rose last year.';
    expect(summarize(body)[0]).toEqual(['Maria Olsen', 'indirect', 'said', 'The levy will cost farmers far more than the county expects']);
  });

  it('\'CLAUSE, said X, ROLE at ORG, which ...\'', () => {
    const body = 'The bill is unlikely to pass the Senate this year, said Tom Reyes, a lobbyist with the Farm Bureau, which opposes the measure.';
    expect(summarize(body)).toEqual([['Tom Reyes', 'indirect', 'said', 'The bill is unlikely to pass the Senate this year']]);
  });
});

describe('sources with no noun of their own', () => {
  it('"..., another says ...": a second attribution ends the first clause and speaks', () => {
    const body = 'One guide says there are about 300 lakes in the county, another says there are nearly 500.';
    expect(summarize(body)).toEqual([
      ['One guide', 'indirect', 'says', 'there are about 300 lakes in the county'],
      ['another', 'indirect', 'says', 'there are nearly 500'],
    ]);
  });

  it('"those surveyed said ..."', () => {
    expect(summarize('Once again, those surveyed said the governor was best able to handle the economy.')).toEqual([
      ['those surveyed', 'indirect', 'said', 'the governor was best able to handle the economy'],
    ]);
  });

  it('"X itself said": an intensifier between speaker and cue', () => {
    expect(summarize('The carmaker itself said the new plant would open in the spring.')).toEqual([
      ['The carmaker', 'indirect', 'said', 'the new plant would open in the spring'],
    ]);
  });
});

describe('more subjects before a cue', () => {
  it('"a loss for X, who said ...": the preposition before the name is not part of it', () => {
    const body = 'The defeat was a heavy blow for Maria Ortiz, who said she would take a week off to rest.';
    expect(summarize(body)).toEqual([['Maria Ortiz', 'indirect', 'said', 'she would take a week off to rest']]);
  });

  it('"..., critics, who pointed out that ...": a comma before the relative pronoun', () => {
    const body = 'The remark alarmed several economists, who pointed out that such a tariff would raise prices for farmers.';
    expect(summarize(body)).toEqual([['economists', 'indirect', 'pointed out', 'such a tariff would raise prices for farmers']]);
  });

  it('"X continues to insist that ...", "they all vowed ..."', () => {
    expect(summarize('The mayor continues to insist that the bridge will reopen in May.')).toEqual([
      ['The mayor', 'indirect', 'insist', 'the bridge will reopen in May'],
    ]);
    expect(summarize('The three candidates all vowed to cut property taxes in their first year.')).toEqual([
      ['The three candidates', 'indirect', 'vowed', 'to cut property taxes in their first year'],
    ]);
  });
});

describe('sentences ending on dotted initials', () => {
  it('"... in the U.S. He says ...": a sentence opener after "U.S." starts a new sentence', () => {
    const body = 'The senator says the plan would cost jobs in the U.S. He says voters will reject it.';
    expect(summarize(body)).toEqual([
      ['The senator', 'indirect', 'says', 'the plan would cost jobs in the U.S'],
      ['The senator', 'indirect', 'says', 'voters will reject it'],
    ]);
  });

  it('"U.S. Senate" goes on with the sentence', () => {
    expect(summarize('The governor said the U.S. Senate would vote on the bill next week.')).toEqual([
      ['The governor', 'indirect', 'said', 'the U.S. Senate would vote on the bill next week'],
    ]);
  });
});

describe('more closing "according to" sources', () => {
  it('after a dash closing an aside', () => {
    const body = 'In 2019, the county had 40 road deaths — including six cyclists — according to the most recent figures from the state police.';
    expect(summarize(body)).toEqual([
      ['the most recent figures from the state police', 'indirect', 'according to', 'In 2019, the county had 40 road deaths — including six cyclists'],
    ]);
  });

  it('a time after the source, then an aside', () => {
    const body = 'Some 55 percent of voters disapprove of the plan, according to a Gazette poll last week - about the same as in March.';
    expect(summarize(body)).toEqual([['Gazette', 'indirect', 'according to', 'Some 55 percent of voters disapprove of the plan']]);
  });
});

describe('a participle after "upon"', () => {
  it('"X drew boos upon saying, "..."": the sentence\'s subject speaks', () => {
    const body = 'The comedian drew a wave of boos upon saying, “The senator heard every one of you tonight.”';
    expect(summarize(body)).toEqual([['The comedian', 'direct', 'saying', 'The senator heard every one of you tonight.']]);
  });
});

describe('verbs that report with an object as often as with a clause', () => {
  it('"charged X with ..." reports, with no finite clause after it', () => {
    expect(summarize('Democrats charged the governor with misleading voters about the deficit.')).toEqual([
      ['Democrats', 'indirect', 'charged', 'the governor with misleading voters about the deficit'],
    ]);
  });
});

describe('a verb naming its object, with no object', () => {
  it('"X charged in her speech ...", "was described by ...": a place, time or agent where the object would stand', () => {
    expect(summarize('The senator charged in her speech on Monday.')).toEqual([]);
    expect(summarize('The town described by the mayor on Tuesday night is a quiet place.')).toEqual([]);
  });
});
