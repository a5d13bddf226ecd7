import { RootCause, RootCauseTaxonomy } from './root-cause.taxonomy';

const cause = (code: string, keywords: string[], position: number): RootCause => ({
  code,
  regulatorCause: 'other',
  labelEn: code,
  labelZh: code,
  keywords,
  position,
});

const taxonomy = new RootCauseTaxonomy(1, [
  cause('claims.delay', ['delay', 'backlog', '拖延'], 1),
  cause('claims.denial', ['denied', '拒赔'], 2),
  cause('surrender.value', ['surrender value'], 3),
  cause('surrender.process', ['surrender'], 4),
]);

describe('root-cause taxonomy', () => {
  it('takes the chosen code as given', () => {
    expect(taxonomy.resolve({ rootCauseCode: 'claims.denial', rootCause: 'backlog' })).toEqual({
      code: 'claims.denial',
      source: 'chosen',
    });
  });

  it('derives a cause from the explanation in either language, the most keywords winning', () => {
    expect(taxonomy.resolve({ rootCause: 'Back-office BACKLOG caused the delay' })).toEqual({
      code: 'claims.delay',
      source: 'derived',
    });
    expect(taxonomy.resolve({ rootCause: '核赔人员拒赔理由不充分' }).code).toBe('claims.denial');
  });

  it('breaks a tie by the order of the list, and says unclassified when nothing matches', () => {
    expect(taxonomy.resolve({ rootCause: 'the surrender value was wrong' }).code).toBe(
      'surrender.value',
    );
    expect(taxonomy.resolve({ rootCause: 'Nothing recognisable' })).toEqual({
      code: null,
      source: 'unclassified',
    });
  });
});
