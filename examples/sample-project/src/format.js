import { lineTotal } from './cart.js';

export function formatMoney(cents, currency = 'EUR') {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const symbol = currency === 'EUR' ? '€' : currency === 'USD' ? '$' : `${currency} `;
  return `${sign}${symbol}${units}.${rest}`;
}

export function formatReceipt(items, totalCents, currency) {
  const lines = items.map((item) => `${item.sku} x${item.quantity}  ${formatMoney(lineTotal(item), currency)}`);
  lines.push(`TOTAL  ${formatMoney(totalCents, currency)}`);
  return lines.join('\n');
}

export function formatDiscount(discount, currency) {
  if (!discount) {
    return '';
  }
  if (discount.type === 'percent') {
    return `-${discount.value}%`;
  }
  if (discount.type === 'fixed') {
    return `-${formatMoney(discount.value, currency)}`;
  }
  return discount.label ?? 'discount';
}
