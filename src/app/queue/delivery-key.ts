/**
 * The serial key of a delivery: its repository. Everything the App does for one repository (the
 * in-progress run of a pull request, its artifact's verdict, a rerequest, the sticky comment) then
 * happens one delivery at a time, so two events never both find "no check run yet" and both create
 * one. Events without a repository (installation) only share a key with themselves.
 */
import type { Delivery } from './types.js';

export function deliveryKey(delivery: Delivery): string {
  const payload = delivery.payload as { repository?: { full_name?: unknown } } | null;
  const repo = payload?.repository?.full_name;
  return typeof repo === 'string' ? `repo:${repo.toLowerCase()}` : `delivery:${delivery.id}`;
}
