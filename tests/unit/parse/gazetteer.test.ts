import { describe, expect, it } from 'vitest';
import { buildCountryRows, buildRegions } from '../../../shared/parse/entities/gazetteer-build.ts';
import { COUNTRY_ROWS, REGIONS } from '../../../shared/parse/entities/gazetteer-data.ts';
import { PLACES } from '../../../shared/parse/entities/gazetteer.ts';

describe('gazetteer', () => {
  it('is the table world-countries gives today (regenerate with gazetteer-build.ts when this fails)', () => {
    expect(COUNTRY_ROWS).toEqual(buildCountryRows());
    expect(REGIONS).toEqual(buildRegions());
  });

  it('maps names, demonyms and their plurals to one country, and capitals to themselves', () => {
    expect(PLACES.get('Azerbaijani')).toEqual({ name: 'Azerbaijan', kind: 'demonym' });
    expect(PLACES.get('Armenians')).toEqual({ name: 'Armenia', kind: 'demonym' });
    expect(PLACES.get('Republic of Turkey')).toEqual({ name: 'Turkey', kind: 'country' });
    expect(PLACES.get('UK')).toEqual({ name: 'United Kingdom', kind: 'country' });
    expect(PLACES.get('Baku')).toEqual({ name: 'Baku', kind: 'capital' });
  });

  it('leaves out ISO codes that are ordinary words', () => {
    for (const code of ['IT', 'IN', 'NO', 'CAN', 'ARE']) expect(PLACES.has(code)).toBe(false);
  });
});
