import { applyDiscount, isExpired } from './lib/discount.js';

const DEFAULT_COUPONS = {};

export function lineTotal(item) {
  if (item.quantity <= 0) {
    throw new RangeError(`invalid quantity for ${item.sku}`);
  }
  return item.price * item.quantity;
}

export function subtotal(items) {
  return items.reduce((sum, item) => sum + lineTotal(item), 0);
}

export function total(items, { taxRate = 0, discount = null } = {}) {
  const base = subtotal(items);
  const discounted = discount ? applyDiscount(base, discount) : base;
  const tax = Math.round(discounted * taxRate);
  return discounted + tax;
}

export function itemCount(items) {
  let count = 0;
  for (const item of items) {
    count += item.quantity;
  }
  return count;
}

export function applyCoupon(items, code, coupons) {
  const coupon = coupons[code.toUpperCase()];
  if (!coupon) {
    return { discount: null, message: `unknown coupon ${code}` };
  }
  if (isExpired(coupon)) {
    return { discount: null, message: `coupon ${code} expired` };
  }
  if (coupon.minItems && itemCount(items) < coupon.minItems) {
    let missing = coupon.minItems - itemCount(items);
    console.log(`coupon ${code} needs ${missing} more items`);
    return { discount: null, message: `add ${missing} more items` };
  }
  return { discount: coupon, message: 'ok' };
}
