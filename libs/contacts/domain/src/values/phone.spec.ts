import { normalisePhone } from './phone';

describe('phones typed in other digit systems', () => {
  it('reads Thai digits', () => {
    expect(normalisePhone('๐๘๑ ๒๓๔ ๕๖๗๘', 'TH')).toBe('+66812345678');
    expect(normalisePhone('+๖๖ ๘๑ ๒๓๔ ๕๖๗๘')).toBe('+66812345678');
  });

  it('reads Persian digits', () => {
    expect(normalisePhone('۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR')).toBe('+989123456789');
  });

  it('reads Arabic-Indic digits', () => {
    expect(normalisePhone('٠٩١٢ ٣٤٥ ٦٧٨٩', 'IR')).toBe('+989123456789');
  });

  it('still refuses what is not a number in any digit system', () => {
    expect(() => normalisePhone('๑๒', 'TH')).toThrow(expect.objectContaining({ code: 'contacts.invalid-phone' }));
  });
});
