import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Who a sign-up is. A person on a list is identified by each contact they give: the same
 * e-mail OR the same phone on the same list is the same person (one entry). Contacts are
 * normalised first, then hashed with the tenant as salt, so keys and indexes never hold a raw
 * address and the same address in two shops cannot be joined.
 */

export type ContactKind = 'email' | 'phone';
export interface Contact {
  kind: ContactKind;
  /** Normalised: lower-case e-mail, E.164 phone. */
  value: string;
}

/** Lower-cases and trims an e-mail. Sub-addressing (`+tag`) is kept: it is a different inbox to its owner. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export type PhoneResult = { ok: true; e164: string; country?: string } | { ok: false; reason: string };

/**
 * E.164 with libphonenumber-js. A number typed without "+" is read in `country` (the browser's
 * or the tenant's default); refused when it cannot be a real number there.
 */
export function normalizePhone(raw: string, country?: string): PhoneResult {
  const text = raw.trim();
  if (!/^[+0-9 ().\-/]{4,32}$/.test(text)) return { ok: false, reason: 'a phone number has digits, spaces and an optional leading +' };
  const defaultCountry = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  if (!text.startsWith('+') && !text.startsWith('00') && !defaultCountry) return { ok: false, reason: 'add the country code, like +39 333 123 4567' };
  const parsed = parsePhoneNumberFromString(text.startsWith('00') ? `+${text.slice(2)}` : text, defaultCountry);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'not a valid phone number' };
  return { ok: true, e164: parsed.number, country: parsed.country };
}

/** The region of a locale tag (`it-IT` → `IT`), if it has one. */
export function regionOf(locale: string | undefined): string | undefined {
  const m = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(locale ?? '');
  return m?.[1]?.toUpperCase();
}

/** Tenant-salted hash of one contact: the key of claims, rate limits and erasure look-ups. */
export function contactHash(tenantId: string, contact: Contact): string {
  return createHash('sha256').update(`${tenantId}\u0000${contact.kind}:${contact.value}`).digest('base64url').slice(0, 32);
}

export interface Identity {
  contacts: Contact[];
  /** One hash per contact, e-mail first. */
  hashes: string[];
  /**
   * Stable pseudonymous id of the person (the recipient id of sends): the hash of the e-mail
   * if given, else of the phone.
   */
  subscriberId: string;
}

export function identityOf(tenantId: string, contacts: { email?: string; phone?: string }): Identity {
  const list: Contact[] = [];
  if (contacts.email) list.push({ kind: 'email', value: normalizeEmail(contacts.email) });
  if (contacts.phone) list.push({ kind: 'phone', value: contacts.phone });
  if (!list.length) throw new Error('an identity needs an e-mail or a phone');
  const hashes = list.map((c) => contactHash(tenantId, c));
  return { contacts: list, hashes, subscriberId: `sub_${hashes[0]!.slice(0, 24)}` };
}

/** A valid IANA time zone name, or undefined. */
export function validTimeZone(tz: string | undefined): string | undefined {
  if (!tz || tz.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The most populous time zone of a country: the fallback when the browser sent none (SMS
 * quiet hours need one). Countries spanning several zones get their main one; the browser's
 * own zone, when given, always wins.
 */
const COUNTRY_ZONES: Record<string, string> = {
  IT: 'Europe/Rome', SM: 'Europe/San_Marino', VA: 'Europe/Vatican', FR: 'Europe/Paris', DE: 'Europe/Berlin', ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon', GB: 'Europe/London', IE: 'Europe/Dublin', NL: 'Europe/Amsterdam', BE: 'Europe/Brussels', LU: 'Europe/Luxembourg',
  CH: 'Europe/Zurich', AT: 'Europe/Vienna', DK: 'Europe/Copenhagen', SE: 'Europe/Stockholm', NO: 'Europe/Oslo', FI: 'Europe/Helsinki',
  IS: 'Atlantic/Reykjavik', PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava', HU: 'Europe/Budapest', SI: 'Europe/Ljubljana',
  HR: 'Europe/Zagreb', RO: 'Europe/Bucharest', BG: 'Europe/Sofia', GR: 'Europe/Athens', CY: 'Asia/Nicosia', MT: 'Europe/Malta',
  EE: 'Europe/Tallinn', LV: 'Europe/Riga', LT: 'Europe/Vilnius', UA: 'Europe/Kyiv', RS: 'Europe/Belgrade', AL: 'Europe/Tirane',
  TR: 'Europe/Istanbul', RU: 'Europe/Moscow', IL: 'Asia/Jerusalem', AE: 'Asia/Dubai', SA: 'Asia/Riyadh', EG: 'Africa/Cairo',
  MA: 'Africa/Casablanca', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi', IN: 'Asia/Kolkata', CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong', TW: 'Asia/Taipei', JP: 'Asia/Tokyo', KR: 'Asia/Seoul', SG: 'Asia/Singapore', MY: 'Asia/Kuala_Lumpur',
  TH: 'Asia/Bangkok', VN: 'Asia/Ho_Chi_Minh', ID: 'Asia/Jakarta', PH: 'Asia/Manila', AU: 'Australia/Sydney', NZ: 'Pacific/Auckland',
  US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', BR: 'America/Sao_Paulo', AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima',
};

export function timeZoneOfCountry(country: string | undefined): string | undefined {
  return country ? COUNTRY_ZONES[country.toUpperCase()] : undefined;
}

/** Masks an address for the preference page and exports shown to someone holding a link. */
export function maskContact(contact: Contact): string {
  if (contact.kind === 'phone') return `${contact.value.slice(0, 3)}••••${contact.value.slice(-2)}`;
  const [local = '', domain = ''] = contact.value.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}
