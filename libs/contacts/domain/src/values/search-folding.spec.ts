import { foldName, nameSearchKeys } from './person-name';
import { asciiDigits, foldForSearch } from './search-folding';

describe('folding text for search', () => {
  it('folds ø to o', () => {
    expect(foldForSearch('Ødegård Bjørn')).toBe('odegard bjorn');
  });

  it('folds æ to ae (and œ to oe)', () => {
    expect(foldForSearch('Sæther')).toBe('saether');
    expect(foldForSearch('Œuvre')).toBe('oeuvre');
  });

  it('folds å to a', () => {
    expect(foldForSearch('Åse Håkonsen')).toBe('ase hakonsen');
  });

  it('folds ß (and capital ẞ) to ss', () => {
    expect(foldForSearch('Weiß STRAẞE')).toBe('weiss strasse');
  });

  it('removes diacritics by NFKD decomposition, and compatibility forms with them', () => {
    expect(foldForSearch('José Müller-Çelik Ŝ')).toBe('jose muller-celik s');
    expect(foldForSearch('ﬁne ２')).toBe('fine 2');
  });

  it('ignores case', () => {
    expect(foldForSearch('ANN lee')).toBe(foldForSearch('ann LEE'));
  });

  it('folds the Arabic yeh, kaf and teh marbuta to the Persian ی, ک and ه', () => {
    expect(foldForSearch('علي')).toBe('علی');
    expect(foldForSearch('مصطفى')).toBe('مصطفی');
    expect(foldForSearch('كريمي')).toBe('کریمی');
    expect(foldForSearch('فاطمة')).toBe('فاطمه');
  });

  it('removes the zero-width non-joiner (and joiner)', () => {
    expect(foldForSearch('نیک\u200cنام')).toBe('نیکنام');
    expect(foldForSearch('a\u200db')).toBe('ab');
  });

  it('drops the optional Arabic vowel signs but keeps the marks of Thai spelling', () => {
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('สมศักดิ์')).toBe('สมศักดิ์');
  });

  it('turns Persian, Arabic-Indic and Thai digits into ASCII digits', () => {
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(asciiDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(foldForSearch('Flat ۱۲')).toBe('flat 12');
  });

  it('makes a name typed either way share its search keys', () => {
    expect(foldName('Bjørn Sæther')).toBe('bjorn saether');
    expect(nameSearchKeys({ first: 'Bjørn', last: 'Sæther' })).toEqual(expect.arrayContaining(['bjo', 'bjorn', 'saeth']));
    expect(nameSearchKeys({ first: 'علی' })).toContain(foldName('علي'));
    expect(foldName('สมศักดิ์ ใจดี')).toBe('สมศักดิ์ ใจดี');
  });
});
