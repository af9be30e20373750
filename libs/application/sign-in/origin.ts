import { isIPv4, isIPv6 } from 'node:net';
import type { Origin } from '@warden/account/sign-in/sign-in.events';
import type { ClientContext } from '@warden/shared/envelope';

/** The approximate network of an address: its /24 (IPv4) or /48 (IPv6). */
export function networkOf(ip: string): string {
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return ip;
}

/** A device is what the client says it is (deviceId), else its user agent. */
export function originOf(client: ClientContext | undefined): Origin | null {
  if (!client) return null;
  return { device: client.deviceId ?? client.userAgent, network: networkOf(client.ip) };
}
