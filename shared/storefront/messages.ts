/**
 * Shopper-facing texts of the storefront API and the widget, in Italian and English. A tenant
 * can override any text and add locales through its storefront config; `{n}` and `{date}`
 * are filled in here. Keys are stable: the widget and merchants' templates use them.
 */
export const BUILT_IN_LOCALES = ['en', 'it'] as const;
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

const en = {
  'state.in_stock': 'In stock',
  'state.low_stock.one': 'Only 1 left',
  'state.low_stock.other': 'Only {n} left',
  'state.low_stock.unknown': 'Low stock',
  'state.out_of_stock': 'Out of stock',
  'state.preorder': 'Available for preorder',
  'state.backorder': 'Order now, ships when back in stock',
  'reason.sold_out': 'Sold out',
  'reason.restock_expected': 'Restock expected {date}',
  'reason.preorder': 'Available for preorder',
  'reason.backorder': 'Available on backorder',
  'eta.expected': 'Expected {date}',
  'eta.unknown': 'Restock date not known yet',
  'badge.sold_out': 'Sold out',
  'badge.selling_fast': 'Selling fast',
  'badge.preorder': 'Preorder',
  'badge.backorder': 'Backorder',
  'store.pickup': 'Pick up in store',
  'widget.loading': 'Checking availability…',
  'widget.unavailable': 'Availability not available right now',
  'widget.notify': 'Notify me',
  'widget.someUnavailable': 'Some options are sold out: we can tell you when they are back.',
  'widget.title': 'Get notified when it is back',
  'widget.intro': 'Leave your e-mail or phone number: we will tell you as soon as it is back. You can keep browsing.',
  'widget.email': 'E-mail',
  'widget.phone': 'Phone (with country code)',
  'widget.phoneHint': 'For example +39 333 123 4567',
  'widget.channelHint': 'E-mail, phone, or both.',
  'widget.variant': 'Variant',
  'widget.consent': 'I agree to receive a message when this product is back in stock.',
  'widget.submit': 'Notify me',
  'widget.sending': 'Sending…',
  'widget.close': 'Close',
  'widget.success': 'Done! We will let you know as soon as it is back.',
  'widget.confirm': 'Almost done: we sent you a message to confirm your sign-up.',
  'widget.error.summary': 'Please check the highlighted fields.',
  'widget.error.email': 'Enter a valid e-mail address, like name@example.com.',
  'widget.error.phone': 'Enter a phone number with its country code, like +39 333 123 4567.',
  'widget.error.channel': 'Enter an e-mail address or a phone number.',
  'widget.error.consent': 'Please tick the box to agree to be contacted.',
  'widget.error.variant': 'Choose a variant.',
  'widget.error.notOpen': 'Sign-ups are not open yet for this shop. Please try again later.',
  'widget.error.rateLimited': 'Too many attempts. Please wait a minute and try again.',
  'widget.error.full': 'The waiting list for this product is full.',
  'widget.error.generic': 'Something went wrong and you are not signed up yet. Please try again.',
} as const;

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = {
  'state.in_stock': 'Disponibile',
  'state.low_stock.one': 'Ne resta solo 1',
  'state.low_stock.other': 'Ne restano solo {n}',
  'state.low_stock.unknown': 'Quasi esaurito',
  'state.out_of_stock': 'Esaurito',
  'state.preorder': 'Disponibile in preordine',
  'state.backorder': 'Ordinabile ora, spedito al riassortimento',
  'reason.sold_out': 'Esaurito',
  'reason.restock_expected': 'Riassortimento previsto il {date}',
  'reason.preorder': 'Disponibile in preordine',
  'reason.backorder': 'Ordinabile, spedito al riassortimento',
  'eta.expected': 'Previsto il {date}',
  'eta.unknown': 'Data di riassortimento non ancora nota',
  'badge.sold_out': 'Esaurito',
  'badge.selling_fast': 'Va a ruba',
  'badge.preorder': 'Preordine',
  'badge.backorder': 'Su ordinazione',
  'store.pickup': 'Ritiro in negozio',
  'widget.loading': 'Verifica disponibilità…',
  'widget.unavailable': 'Disponibilità non consultabile al momento',
  'widget.notify': 'Avvisami',
  'widget.someUnavailable': 'Alcune varianti sono esaurite: possiamo avvisarti quando tornano.',
  'widget.title': 'Ti avvisiamo quando torna',
  'widget.intro': 'Lascia la tua e-mail o il tuo numero: ti scriviamo appena torna disponibile. Puoi continuare a navigare.',
  'widget.email': 'E-mail',
  'widget.phone': 'Telefono (con prefisso internazionale)',
  'widget.phoneHint': 'Ad esempio +39 333 123 4567',
  'widget.channelHint': 'E-mail, telefono o entrambi.',
  'widget.variant': 'Variante',
  'widget.consent': 'Acconsento a ricevere un messaggio quando il prodotto torna disponibile.',
  'widget.submit': 'Avvisami',
  'widget.sending': 'Invio…',
  'widget.close': 'Chiudi',
  'widget.success': 'Fatto! Ti avviseremo appena torna disponibile.',
  'widget.confirm': 'Quasi fatto: ti abbiamo inviato un messaggio per confermare l’iscrizione.',
  'widget.error.summary': 'Controlla i campi evidenziati.',
  'widget.error.email': 'Inserisci un indirizzo e-mail valido, ad esempio nome@esempio.it.',
  'widget.error.phone': 'Inserisci un numero con il prefisso internazionale, ad esempio +39 333 123 4567.',
  'widget.error.channel': 'Inserisci un indirizzo e-mail o un numero di telefono.',
  'widget.error.consent': 'Per continuare, spunta la casella del consenso.',
  'widget.error.variant': 'Scegli una variante.',
  'widget.error.notOpen': 'Le iscrizioni non sono ancora aperte per questo negozio. Riprova più tardi.',
  'widget.error.rateLimited': 'Troppi tentativi. Attendi un minuto e riprova.',
  'widget.error.full': 'La lista d’attesa per questo prodotto è al completo.',
  'widget.error.generic': 'Qualcosa è andato storto e non sei ancora iscritto. Riprova.',
};

const builtIn: Record<BuiltInLocale, Record<MessageKey, string>> = { en, it };

export type Overrides = Record<string, Record<string, string>>;

/** The language part of a locale tag: "it-IT" → "it". */
export const language = (locale: string | undefined): string => (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Picks the best locale among the built-in ones and the tenant's extra ones: the requested
 * language, else the tenant's default, else English.
 */
export function resolveLocale(requested: string | undefined, tenantDefault: string | undefined, overrides: Overrides = {}): string {
  const known = new Set<string>([...BUILT_IN_LOCALES, ...Object.keys(overrides).map(language)]);
  for (const candidate of [requested, tenantDefault]) {
    const lang = language(candidate);
    if (lang && known.has(lang)) return lang;
  }
  return 'en';
}

/** Every text for a locale: English, then the built-in locale, then the tenant's overrides. */
export function textsFor(locale: string, overrides: Overrides = {}): Record<MessageKey, string> {
  const lang = language(locale);
  return { ...en, ...(builtIn[lang as BuiltInLocale] ?? {}), ...(overrides[lang] ?? {}) } as Record<MessageKey, string>;
}

export function formatDate(isoDate: string, locale: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  } catch {
    return isoDate;
  }
}

export function fill(template: string, params: { n?: number; date?: string } = {}): string {
  return template.replace(/\{(n|date)\}/g, (_, k: 'n' | 'date') => String(params[k] ?? ''));
}

/** A translator bound to one locale and the tenant's overrides. */
export function translator(locale: string, overrides: Overrides = {}) {
  const texts = textsFor(locale, overrides);
  return {
    locale,
    texts,
    t: (key: MessageKey, params: { n?: number; date?: string } = {}) =>
      fill(texts[key], params.date ? { ...params, date: formatDate(params.date, locale) } : params),
  };
}
export type Translator = ReturnType<typeof translator>;
