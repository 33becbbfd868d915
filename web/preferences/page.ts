/**
 * The shopper's preference page and the one-click result pages (confirm, keep my place),
 * served as HTML by functions/waitlist/preferences.ts. No script is needed: plain forms post
 * back to the same signed URL and the page redirects to itself (post/redirect/get), so it
 * works in any mail client's browser. Italian and English; everything else falls back to
 * English.
 */

export interface PageEntry {
  entryId: string;
  productTitle: string;
  variant?: string;
  productUrl?: string;
  status: 'active' | 'pending';
  position: number | null;
  since: string;
  channels: { email: boolean; sms: boolean };
  exclusiveContent?: string;
}

export interface PreferencePageView {
  locale: string;
  shopName: string;
  /** Masked contacts, e.g. "m•••@example.com". */
  contacts: string[];
  hasEmail: boolean;
  hasPhone: boolean;
  entries: PageEntry[];
  /** The page's own URL (forms post here). */
  actionUrl: string;
  unsubscribeUrl?: string;
  notice?: string;
}

export interface Texts {
  title: string;
  intro: string;
  none: string;
  position: (n: number) => string;
  pending: string;
  since: string;
  cancel: string;
  cancelAll: string;
  channels: string;
  email: string;
  sms: string;
  save: string;
  unsubscribe: string;
  exclusive: string;
  cancelled: string;
  cancelledAll: string;
  saved: string;
  confirmedTitle: string;
  confirmed: (n: number) => string;
  expiredTitle: string;
  expired: string;
  fullTitle: string;
  full: string;
  keptTitle: string;
  kept: (n: number) => string;
  goneTitle: string;
  gone: string;
  invalidTitle: string;
  invalid: string;
  error: string;
}

const TEXTS: Record<'en' | 'it', Texts> = {
  en: {
    title: 'Your back-in-stock alerts',
    intro: 'Alerts for',
    none: 'You are not waiting for anything at the moment.',
    position: (n: number) => `You are number ${n} in line`,
    pending: 'Waiting for your confirmation (check your inbox)',
    since: 'since',
    cancel: 'Cancel this alert',
    cancelAll: 'Cancel all my alerts',
    channels: 'How should we tell you?',
    email: 'E-mail',
    sms: 'SMS',
    save: 'Save',
    unsubscribe: 'Unsubscribe from all messages of this shop',
    exclusive: 'Only for people waiting',
    cancelled: 'Your alert has been cancelled.',
    cancelledAll: 'All your alerts have been cancelled.',
    saved: 'Your preferences have been saved.',
    confirmedTitle: 'You are on the list',
    confirmed: (n: number) => `Thank you! You are number ${n} in line. We will tell you as soon as it is back.`,
    expiredTitle: 'This link has expired',
    expired: 'Please sign up again from the product page.',
    fullTitle: 'The waitlist is full',
    full: 'Sorry: all the places on this waitlist are taken.',
    keptTitle: 'Your place is kept',
    kept: (n: number) => `Thank you! You are still number ${n} in line.`,
    goneTitle: 'This alert no longer exists',
    gone: 'It may have been cancelled or have expired. You can sign up again from the product page.',
    invalidTitle: 'This link is not valid',
    invalid: 'Please use the latest link we sent you.',
    error: 'Something went wrong. Please try again later.',
  },
  it: {
    title: 'I tuoi avvisi di disponibilità',
    intro: 'Avvisi per',
    none: 'Al momento non sei in attesa di nessun prodotto.',
    position: (n: number) => `Sei il numero ${n} in lista`,
    pending: 'In attesa della tua conferma (controlla la posta)',
    since: 'dal',
    cancel: 'Annulla questo avviso',
    cancelAll: 'Annulla tutti i miei avvisi',
    channels: 'Come vuoi essere avvisato?',
    email: 'E-mail',
    sms: 'SMS',
    save: 'Salva',
    unsubscribe: 'Non ricevere più messaggi da questo negozio',
    exclusive: 'Solo per chi è in lista',
    cancelled: 'Il tuo avviso è stato annullato.',
    cancelledAll: 'Tutti i tuoi avvisi sono stati annullati.',
    saved: 'Le tue preferenze sono state salvate.',
    confirmedTitle: 'Sei in lista',
    confirmed: (n: number) => `Grazie! Sei il numero ${n} in lista. Ti avviseremo appena torna disponibile.`,
    expiredTitle: 'Questo link è scaduto',
    expired: 'Iscriviti di nuovo dalla pagina del prodotto.',
    fullTitle: 'La lista è al completo',
    full: 'Ci dispiace: tutti i posti della lista sono occupati.',
    keptTitle: 'Il tuo posto è confermato',
    kept: (n: number) => `Grazie! Sei ancora il numero ${n} in lista.`,
    goneTitle: 'Questo avviso non esiste più',
    gone: 'Potrebbe essere stato annullato o essere scaduto. Puoi iscriverti di nuovo dalla pagina del prodotto.',
    invalidTitle: 'Questo link non è valido',
    invalid: 'Usa il link più recente che ti abbiamo inviato.',
    error: 'Si è verificato un errore. Riprova più tardi.',
  },
};
export const textsFor = (locale: string): Texts => (locale.slice(0, 2).toLowerCase() === 'it' ? TEXTS.it : TEXTS.en);

export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(locale: string, title: string, body: string): string {
  return `<!doctype html><html lang="${esc(locale.slice(0, 2))}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1.5rem;color:#222}h1{font-size:1.4rem}
.entry{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:0 0 1rem}.muted{color:#666;font-size:.9rem}.notice{background:#eef7ee;border:1px solid #9c9;padding:.75rem;border-radius:6px}
button{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer}button.danger{border-color:#c33;color:#c33}
.exclusive{background:#fff8e6;border-left:3px solid #e0a800;padding:.5rem .75rem;margin-top:.5rem}fieldset{border:1px solid #ddd;border-radius:8px;margin:0 0 1rem}</style></head>
<body>${body}</body></html>`;
}

export function renderPreferencePage(v: PreferencePageView): string {
  const t = textsFor(v.locale);
  const entries = v.entries.length
    ? v.entries
        .map(
          (e) => `<div class="entry"><strong>${e.productUrl ? `<a href="${esc(e.productUrl)}">${esc(e.productTitle)}</a>` : esc(e.productTitle)}</strong>${e.variant ? ` <span class="muted">(${esc(e.variant)})</span>` : ''}
<div>${e.status === 'active' && e.position ? esc(t.position(e.position)) : esc(t.pending)} <span class="muted">· ${esc(t.since)} ${esc(e.since.slice(0, 10))}</span></div>
${e.exclusiveContent ? `<div class="exclusive"><strong>${esc(t.exclusive)}:</strong> ${esc(e.exclusiveContent)}</div>` : ''}
<form method="post" action="${esc(v.actionUrl)}"><input type="hidden" name="action" value="cancel"><input type="hidden" name="entryId" value="${esc(e.entryId)}"><p><button class="danger" type="submit">${esc(t.cancel)}</button></p></form></div>`,
        )
        .join('\n')
    : `<p>${esc(t.none)}</p>`;
  const first = v.entries[0];
  const channels =
    v.entries.length && (v.hasEmail || v.hasPhone)
      ? `<form method="post" action="${esc(v.actionUrl)}"><fieldset><legend>${esc(t.channels)}</legend><input type="hidden" name="action" value="channels">
${v.hasEmail ? `<label><input type="checkbox" name="email" value="on"${first?.channels.email ? ' checked' : ''}> ${esc(t.email)}</label><br>` : ''}
${v.hasPhone ? `<label><input type="checkbox" name="sms" value="on"${first?.channels.sms ? ' checked' : ''}> ${esc(t.sms)}</label><br>` : ''}
<p><button type="submit">${esc(t.save)}</button></p></fieldset></form>`
      : '';
  const cancelAll = v.entries.length > 1 ? `<form method="post" action="${esc(v.actionUrl)}"><input type="hidden" name="action" value="cancel_all"><p><button class="danger" type="submit">${esc(t.cancelAll)}</button></p></form>` : '';
  return layout(
    v.locale,
    t.title,
    `<h1>${esc(t.title)}${v.shopName ? ` — ${esc(v.shopName)}` : ''}</h1>
${v.notice ? `<p class="notice" role="status">${esc(v.notice)}</p>` : ''}
<p class="muted">${esc(t.intro)} ${v.contacts.map(esc).join(', ')}</p>
${entries}
${channels}
${cancelAll}
${v.unsubscribeUrl ? `<p class="muted"><a href="${esc(v.unsubscribeUrl)}">${esc(t.unsubscribe)}</a></p>` : ''}`,
  );
}

export function renderMessagePage(locale: string, title: string, message: string, link?: { href: string; label: string }): string {
  return layout(locale, title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>${link ? `<p><a href="${esc(link.href)}">${esc(link.label)}</a></p>` : ''}`);
}
