import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The few small HTML pages shoppers see (unsubscribe confirmation, invalid link), it/en. */
const TEXT = {
  it: {
    unsubscribed: { title: 'Iscrizione annullata', body: 'Non riceverai più messaggi di marketing su questo canale.', undo: 'Ho cliccato per errore: voglio continuare a riceverli' },
    resubscribed: { title: 'Iscrizione ripristinata', body: 'Continuerai a ricevere i nostri messaggi.', undo: '' },
    invalid: { title: 'Link non valido', body: 'Questo link non è valido o è stato modificato.', undo: '' },
  },
  en: {
    unsubscribed: { title: 'You are unsubscribed', body: 'You will not receive marketing messages on this channel any more.', undo: 'I clicked by mistake: keep me subscribed' },
    resubscribed: { title: 'You are subscribed again', body: 'You will keep receiving our messages.', undo: '' },
    invalid: { title: 'Invalid link', body: 'This link is not valid or has been altered.', undo: '' },
  },
} as const;

export type PageKind = keyof (typeof TEXT)['en'];

export function localeFrom(acceptLanguage: string | undefined): 'it' | 'en' {
  return /^\s*it\b/i.test(acceptLanguage ?? '') ? 'it' : 'en';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(status: number, locale: 'it' | 'en', kind: PageKind, undoAction?: string): APIGatewayProxyStructuredResultV2 {
  const t = TEXT[locale][kind];
  const undo = undoAction && t.undo
    ? `<form method="post" action="${escape(undoAction)}"><input type="hidden" name="action" value="resubscribe"><button type="submit">${escape(t.undo)}</button></form>`
    : '';
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'x-robots-tag': 'noindex',
    },
    body: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head><body style="font-family:Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#18181b"><h1 style="font-size:22px">${escape(t.title)}</h1><p>${escape(t.body)}</p>${undo}</body></html>`,
  };
}
