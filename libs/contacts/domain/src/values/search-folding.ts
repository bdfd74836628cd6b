/**
 * How text is compared when customers search: one fold, applied both to the keys stored in the profile
 * read model and to what a user types, so the two always meet. The stored profile keeps the text as typed.
 */

/**
 * Marks that NFKD splits off Latin, Greek and Cyrillic letters (é → e + ◌́), plus the optional Arabic
 * vowel signs (harakat, superscript alef). Marks of other scripts (Thai vowels, Devanagari matras) are
 * part of the spelling and stay.
 */
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
];

function withoutDiacritics(text: string): string {
  // A class of combining marks reads misleadingly (and lint refuses it): code point ranges instead.
  return text.replace(/\p{M}/gu, (mark) => {
    const code = mark.codePointAt(0) ?? 0;
    return DIACRITIC_RANGES.some(([from, to]) => code >= from && code <= to) ? '' : mark;
  });
}

/**
 * Letters that are one letter to a Nordic, German or Persian reader but that no Unicode decomposition
 * relates: ø/o, æ/ae, ß/ss, and the Arabic forms of yeh, kaf and teh marbuta that Arabic keyboards type
 * for the Persian ی, ک and ه. Applied after lower-casing.
 */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  '\u064a': '\u06cc', // Arabic yeh ي → Persian yeh ی
  '\u0649': '\u06cc', // alef maksura ى → Persian yeh ی
  '\u0643': '\u06a9', // Arabic kaf ك → Persian keheh ک
  '\u0629': '\u0647', // teh marbuta ة → heh ه
};
const VARIANT = new RegExp(`[${Object.keys(LETTER_VARIANTS).join('')}]`, 'gu');

/** Zero-width non-joiner and joiner: Persian typists put them inside words, or not. */
const ZERO_WIDTH = /[\u200c\u200d]/gu;

/** The zero of each decimal digit system typed in our markets besides ASCII. */
const DIGIT_ZEROS = [0x0660 /* Arabic-Indic */, 0x06f0 /* Persian (extended Arabic-Indic) */, 0x0e50 /* Thai */];
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0e50-\u0e59]/gu;

/** Arabic-Indic, Persian and Thai digits as ASCII digits; everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code;
    return String(code - zero);
  });
}

/**
 * Text folded for matching: case, diacritics (NFKD), letter variants (ø æ ß, Arabic ي ك ة → Persian
 * ی ک ه), zero-width joiners and digit systems. Spacing and punctuation are left to the caller.
 */
export function foldForSearch(text: string): string {
  const folded = withoutDiacritics(text.normalize('NFKD')).normalize('NFC').toLowerCase();
  return asciiDigits(folded.replace(VARIANT, (letter) => LETTER_VARIANTS[letter] ?? letter).replace(ZERO_WIDTH, ''));
}
