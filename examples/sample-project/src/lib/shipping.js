const ZONES = { domestic: 490, eu: 990, world: 1990 };

export function shippingCost(subtotalCents, zone, { express = false } = {}) {
  const base = ZONES[zone];
  if (base === undefined) {
    throw new Error(`unknown zone: ${zone}`);
  }
  if (zone === 'domestic' && subtotalCents >= 5000) {
    return express ? 500 : 0;
  }
  return express ? base * 2 : base;
}

export function estimateDays(zone, express) {
  if (express) {
    return zone === 'world' ? 4 : 1;
  }
  switch (zone) {
    case 'domestic':
      return 2;
    case 'eu':
      return 5;
    default:
      return 12;
  }
}
