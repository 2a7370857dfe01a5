import { describe, it, expect } from 'vitest';
import { formatMoney, formatReceipt, formatDiscount } from '../src/format.js';

describe('format', () => {
  it('formats euros', () => {
    expect(formatMoney(1234)).toBe('€12.34');
  });

  it('formats negative dollars', () => {
    expect(formatMoney(-5, 'USD')).toBe('-$0.05');
  });

  it('prints a receipt', () => {
    const receipt = formatReceipt([{ sku: 'APPLE', price: 120, quantity: 3 }], 360, 'EUR');
    expect(receipt).toBe('APPLE x3  €3.60\nTOTAL  €3.60');
  });

  it('formats a percent discount', () => {
    expect(formatDiscount({ type: 'percent', value: 10 })).toBe('-10%');
  });

  it('formats a fixed discount', () => {
    expect(formatDiscount({ type: 'fixed', value: 250 }, 'USD')).toBe('-$2.50');
  });
});
