import { cjkFont, CjkFontMissingError } from './cjk-font';

describe('the report PDF font', () => {
  it('names the missing file when REPORT_PDF_FONT points nowhere', () => {
    expect(() => cjkFont('/nowhere/font.ttc#Face')).toThrow(CjkFontMissingError);
    expect(() => cjkFont('/nowhere/font.ttc#Face')).toThrow(
      'REPORT_PDF_FONT=/nowhere/font.ttc#Face does not exist',
    );
  });
});
