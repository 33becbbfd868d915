import * as z from 'zod';

/**
 * Campaign copy for a restock "event" (seed 000: restock as an event, flash discount for
 * 24 h, copy for e-mail, SMS and a social post), generated from templates for the merchant
 * to use. Honest by construction: the unit count appears only when it is the real number
 * the release holds, and urgency only when the discount's end is real.
 */
export interface CampaignInput {
  locale: string;
  shopName: string;
  productTitle: string;
  productUrl?: string;
  /** Units being released (real stock); mentioned only if few. */
  units?: number;
  /** When the product opens to everyone (ISO). */
  publicAt?: string;
  discount?: { percent: number; code: string; validUntil: string };
  waiting?: number;
}

export const campaignCopySchema = z.object({
  locale: z.string(),
  email: z.object({ subject: z.string(), preheader: z.string(), text: z.string() }),
  sms: z.string(),
  social: z.string(),
});
export type CampaignCopy = z.infer<typeof campaignCopySchema>;

const FEW_UNITS = 10;

type Texts = {
  subject: (i: CampaignInput) => string;
  preheader: (i: CampaignInput) => string;
  body: (i: CampaignInput, when: string | undefined, until: string | undefined) => string[];
  sms: (i: CampaignInput, until: string | undefined) => string;
  social: (i: CampaignInput, when: string | undefined, until: string | undefined) => string;
};

const texts: Record<'en' | 'it', Texts> = {
  en: {
    subject: (i) => `${i.productTitle} is back`,
    preheader: (i) => (i.units !== undefined && i.units <= FEW_UNITS ? `Only ${i.units} available this time.` : 'Back in stock at last.'),
    body: (i, when, until) => [
      `Good news: ${i.productTitle} is back in stock at ${i.shopName}.`,
      i.waiting ? `The ${i.waiting} people on the waitlist were told first, in the order they joined.` : '',
      when ? `Open to everyone from ${when}.` : '',
      i.units !== undefined && i.units <= FEW_UNITS ? `We have ${i.units} ${i.units === 1 ? 'unit' : 'units'} this time.` : '',
      i.discount && until ? `Use code ${i.discount.code} for ${i.discount.percent}% off until ${until}.` : '',
      i.productUrl ? `Shop now: ${i.productUrl}` : '',
    ],
    sms: (i, until) =>
      `${i.shopName}: ${i.productTitle} is back in stock.${i.discount && until ? ` ${i.discount.percent}% off with ${i.discount.code} until ${until}.` : ''}${i.productUrl ? ` ${i.productUrl}` : ''}`,
    social: (i, when, until) =>
      `${i.productTitle} is back! ${when ? `Open to everyone from ${when}. ` : ''}${i.discount && until ? `${i.discount.percent}% off with code ${i.discount.code} until ${until}. ` : ''}${i.productUrl ?? ''}`.trim(),
  },
  it: {
    subject: (i) => `${i.productTitle} è tornato disponibile`,
    preheader: (i) => (i.units !== undefined && i.units <= FEW_UNITS ? `Solo ${i.units} pezzi questa volta.` : 'Finalmente di nuovo disponibile.'),
    body: (i, when, until) => [
      `Buone notizie: ${i.productTitle} è di nuovo disponibile da ${i.shopName}.`,
      i.waiting ? `Le ${i.waiting} persone in lista d'attesa sono state avvisate per prime, nell'ordine di iscrizione.` : '',
      when ? `Aperto a tutti dal ${when}.` : '',
      i.units !== undefined && i.units <= FEW_UNITS ? `Questa volta abbiamo ${i.units} ${i.units === 1 ? 'pezzo' : 'pezzi'}.` : '',
      i.discount && until ? `Usa il codice ${i.discount.code} per il ${i.discount.percent}% di sconto fino al ${until}.` : '',
      i.productUrl ? `Acquista ora: ${i.productUrl}` : '',
    ],
    sms: (i, until) =>
      `${i.shopName}: ${i.productTitle} è di nuovo disponibile.${i.discount && until ? ` ${i.discount.percent}% di sconto con ${i.discount.code} fino al ${until}.` : ''}${i.productUrl ? ` ${i.productUrl}` : ''}`,
    social: (i, when, until) =>
      `${i.productTitle} è tornato! ${when ? `Aperto a tutti dal ${when}. ` : ''}${i.discount && until ? `${i.discount.percent}% di sconto con il codice ${i.discount.code} fino al ${until}. ` : ''}${i.productUrl ?? ''}`.trim(),
  },
};

function formatWhen(iso: string | undefined, locale: string): string | undefined {
  if (!iso) return undefined;
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

export function campaignCopy(input: CampaignInput): CampaignCopy {
  const lang = input.locale.toLowerCase().startsWith('it') ? 'it' : 'en';
  const t = texts[lang];
  const when = formatWhen(input.publicAt, lang);
  const until = formatWhen(input.discount?.validUntil, lang);
  return {
    locale: lang,
    email: { subject: t.subject(input), preheader: t.preheader(input), text: t.body(input, when, until).filter(Boolean).join('\n\n') },
    sms: t.sms(input, until).slice(0, 320),
    social: t.social(input, when, until),
  };
}
