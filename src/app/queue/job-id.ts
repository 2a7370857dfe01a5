/**
 * A BullMQ job id for a delivery id. BullMQ refuses ids with `:` (its key separator) and takes an
 * all-digit id for its own counter, so ids are prefixed, and anything outside a plain set of
 * characters is base64url-encoded. The two forms start differently and cannot collide.
 *
 * @example jobIdFor('72d3162e-cc78-11e3-81ab-4c9367dc0958') // 'd.72d3162e-cc78-11e3-81ab-4c9367dc0958'
 */
const PLAIN_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function jobIdFor(deliveryId: string): string {
  if (deliveryId.length === 0) throw new Error('a delivery without an X-GitHub-Delivery id cannot be queued');
  return PLAIN_ID.test(deliveryId) ? `d.${deliveryId}` : `b.${Buffer.from(deliveryId, 'utf8').toString('base64url')}`;
}
