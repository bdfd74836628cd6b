import { applyHeapGrowth } from './heap-growth';

describe('applyHeapGrowth', () => {
  it('refuses what is not a whole, non-negative percentage', () => {
    expect(() => applyHeapGrowth(-1)).toThrow(/whole number of percent \(got -1\)/);
    expect(() => applyHeapGrowth(12.5)).toThrow(/got 12.5/);
  });
});
