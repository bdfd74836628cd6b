import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from './name-similarity';

describe('name similarity for duplicate suggestions (Jaro–Winkler on folded words, in order)', () => {
  it.each([
    ['Mohammad Rezaei', 'Mohamad Rezaei'],
    ['Ann Hansen', 'Anne Hansen'],
    ['Jon Smith', 'John Smith'],
    ['Bo Lund', 'Bo Lind'],
    ['Bjørn Sæther', 'Bjorn Saether'],
    ['علی کریمی', 'علي كريمي'],
  ])('suggests the one-letter (or folded) variant %s ~ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
  });

  it.each([
    ['Ann Lee', 'Bo Berg'],
    ['Ann Hansen', 'Ann Larsen'],
    ['Mohammad Rezaei', 'Mohammad Karimi'],
    ['Ann Hansen', 'Ann'],
  ])('does not suggest the unrelated %s ~ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(SIMILAR_NAME_THRESHOLD);
  });

  it('compares words in order, so one-letter variants are not scored as if unrelated', () => {
    expect(nameSimilarity('Mohammad Rezaei', 'Mohamad Rezaei')).toBeGreaterThan(0.95);
  });

  it('finds a name written family name first', () => {
    expect(nameSimilarity('Ann Lee', 'Lee Ann')).toBe(1);
  });

  it('scores nothing against an empty name', () => {
    expect(nameSimilarity('', 'Ann Lee')).toBe(0);
    expect(nameSimilarity('Ann Lee', ' - ')).toBe(0);
  });
});
