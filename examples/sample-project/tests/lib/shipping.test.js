import { describe, it, expect } from 'vitest';
import { shippingCost } from '../../src/lib/shipping.js';

describe('shipping', () => {
  it('ships domestic orders over 50 EUR for free', () => {
    expect(shippingCost(6000, 'domestic')).toBe(0);
  });

  it('charges the EU rate', () => {
    expect(shippingCost(1000, 'eu')).toBe(990);
  });

  it('rejects unknown zones', () => {
    expect(() => shippingCost(1000, 'moon')).toThrow('unknown zone: moon');
  });
});
