import { describe, it, expect } from 'vitest';
import { lineTotal, subtotal, total, itemCount, applyCoupon } from '../src/cart.js';

const items = [
  { sku: 'APPLE', price: 120, quantity: 3 },
  { sku: 'PEAR', price: 95, quantity: 2 },
];

describe('cart', () => {
  it('computes a line total', () => {
    expect(lineTotal(items[0])).toBe(360);
  });

  it('rejects a zero quantity', () => {
    expect(() => lineTotal({ sku: 'X', price: 1, quantity: 0 })).toThrow('invalid quantity for X');
  });

  it('sums the subtotal', () => {
    expect(subtotal(items)).toBe(550);
  });

  it('adds tax to the total', () => {
    expect(total(items, { taxRate: 0.2 })).toBe(660);
  });

  it('applies a percent discount before tax', () => {
    expect(total(items, { taxRate: 0.1, discount: { type: 'percent', value: 10 } })).toBe(545);
  });

  it('counts items', () => {
    expect(itemCount(items)).toBe(5);
  });

  describe('coupons', () => {
    const coupons = { SPRING10: { type: 'percent', value: 10 } };

    it('accepts a known coupon code in any case', () => {
      expect(applyCoupon(items, 'spring10', coupons)).toEqual({ discount: coupons.SPRING10, message: 'ok' });
    });

    it('reports an unknown coupon', () => {
      expect(applyCoupon(items, 'NOPE', coupons).message).toBe('unknown coupon NOPE');
    });
  });
});
