import { LabelledFileError, parseLabelled } from './labelled-file';

describe('labelled files', () => {
  it('reads text or description, label, and the optional fields', () => {
    const rows = parseLabelled(
      [
        JSON.stringify({ text: 'The app crashes', label: 'technical', language: 'en' }),
        '',
        JSON.stringify({ description: '理赔被拒', subject: '车险', label: 'business_handling' }),
      ].join('\n'),
      'f.jsonl',
    );
    expect(rows.map((r) => [r.text, r.label])).toEqual([
      ['The app crashes', 'technical'],
      ['理赔被拒', 'business_handling'],
    ]);
  });

  it('names every bad line and returns nothing', () => {
    const content = [
      '{"text":"fine","label":"technical"}',
      '{not json',
      '{"text":"x","label":"billing"}',
      '{"label":"technical"}',
      '{"text":"y","label":"technical","language":"fr"}',
      '[1,2]',
    ].join('\n');
    let error: unknown;
    try {
      parseLabelled(content, 'f.jsonl');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabelledFileError);
    expect((error as LabelledFileError).problems).toEqual([
      'f.jsonl:2: not JSON',
      'f.jsonl:3: unknown label "billing"',
      'f.jsonl:4: no text or description',
      'f.jsonl:5: unknown language "fr"',
      'f.jsonl:6: not a JSON object',
    ]);
  });
});
