import { regencyRubric } from '@paritrana/testing/editions';
import { principals } from '../testing/scoring-test-kit';
import { panelOf, panelRounds, sitsOnPanel } from './assessment-panel';

describe('assessment panels', () => {
  it('should seat a provincial assessor on the provincial round of their provinces and the national jury on the national round', () => {
    expect(panelOf(principals.assessorJambi)).toEqual({ tier: 'provincial', provinces: ['15'] });
    expect(panelOf(principals.nationalJury)).toEqual({ tier: 'national', provinces: undefined });
    expect(sitsOnPanel(principals.assessorJambi, { tier: 'provincial', province: '15' })).toBe(true);
    expect(sitsOnPanel(principals.assessorJambi, { tier: 'national', province: '15' })).toBe(false);
    expect(sitsOnPanel(principals.assessorAceh, { tier: 'provincial', province: '15' })).toBe(false);
    expect(sitsOnPanel(principals.nationalJury, { tier: 'national', province: '15' })).toBe(true);
    expect(sitsOnPanel(principals.nationalJury, { tier: 'provincial', province: '15' })).toBe(false);
  });

  it('should name each round of the rubric’s panel criteria once, in the rubric’s order', () => {
    const rubric = regencyRubric({ minAssessors: 1, panel: true });
    const withRounds = {
      ...rubric,
      criteria: [
        ...rubric.criteria,
        { code: 'documents', name: 'Berkas', weight: 10, value: { panel: 'verification' }, scale: { linear: { min: 0, max: 100 } } },
        { code: 'innovation', name: 'Inovasi', weight: 10, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
      ],
    };

    expect(panelRounds(withRounds)).toEqual(['interview', 'verification']);
    expect(panelRounds(regencyRubric({ minAssessors: 1, panel: false }))).toEqual([]);
    expect(panelRounds(undefined)).toEqual([]);
  });
});
