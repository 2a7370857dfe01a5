export function applyDiscount(amount, discount) {
  switch (discount.type) {
    case 'percent':
      if (discount.value < 0 || discount.value > 100) {
        throw new RangeError('percent out of range');
      }
      return Math.round((amount * (100 - discount.value)) / 100);
    case 'fixed':
      return Math.max(0, amount - discount.value);
    case 'legacy':
      console.warn('legacy discounts are deprecated');
      return amount - discount.value;
    default:
      throw new Error(`unknown discount type: ${discount.type}`);
  }
}

export function isExpired(discount, now = new Date()) {
  if (discount.expires == null) {
    return false;
  }
  return new Date(discount.expires) < now;
}
