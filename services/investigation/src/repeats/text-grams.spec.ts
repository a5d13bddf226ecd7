import { gramsOf, MAX_GRAMS, similarity } from './text-grams';

const sim = (a: string, b: string) => similarity(gramsOf(a), gramsOf(b));

describe('text similarity (character pairs and triples, cosine)', () => {
  it('finds a customer telling the same matter again, in Chinese and in English', () => {
    expect(
      sim(
        '车险理赔三个月未赔付，定损后一直拖延，要求尽快赔付。',
        '我的车险理赔定损后三个月还没赔付，一直在拖延，请尽快处理赔付。',
      ),
    ).toBeGreaterThan(0.5);
    expect(
      sim(
        'My motor claim was assessed in March and is still unpaid after three months.',
        'Still unpaid: my motor claim, assessed in March, three months ago.',
      ),
    ).toBeGreaterThan(0.5);
  });

  it('tells apart another matter, even one about the same product', () => {
    expect(
      sim(
        '车险理赔三个月未赔付，定损后一直拖延，要求尽快赔付。',
        '健康险理赔被拒，理由是既往症，我不认同，要求重新审核。',
      ),
    ).toBeLessThan(0.3);
    expect(
      sim(
        '车险理赔三个月未赔付，定损后一直拖延，要求尽快赔付。',
        '客服电话态度恶劣，挂断我的电话，要求道歉。',
      ),
    ).toBeLessThan(0.3);
    expect(
      sim(
        'My motor claim was assessed in March and is still unpaid after three months.',
        'The agent was rude on the phone and hung up on me.',
      ),
    ).toBeLessThan(0.3);
  });

  it('is 1 for the same text, 0 for nothing in common or no text, and bounded in size', () => {
    expect(sim('台风后房屋受损理赔', '台风后房屋受损理赔')).toBeCloseTo(1, 10);
    expect(sim('abc', '台风')).toBe(0);
    expect(sim('', 'abc')).toBe(0);
    expect(Object.keys(gramsOf('长'.repeat(10) + [...Array(3000).keys()].join(' '))).length).toBe(
      MAX_GRAMS,
    );
  });
});
