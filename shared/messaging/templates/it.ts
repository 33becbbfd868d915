import type { LocaleTexts } from './model.js';

/**
 * Italian texts. The four ready templates of seed 000 ("Modelli di messaggi pronti
 * all'uso": lista d'attesa, preordini, riassortimento, ringraziamento) are kept close to the
 * letter; the others follow the seed's advice (honest ETA, apology with a gesture, early
 * access for the most loyal). Scarcity is only mentioned when the caller says it is true
 * (`limited`), never by default.
 */
const greeting = '{{#if name}}Ciao {{name}},{{else}}Ciao,{{/if}}';

export const it: LocaleTexts = {
  waitlist_confirmation: {
    subject: 'Sei in lista d’attesa per {{productTitle}}',
    preheader: 'Ti scriveremo non appena tornerà disponibile.',
    heading: greeting,
    paragraphs: [
      'Grazie per esserti iscritto alla nostra lista d’attesa per {{productTitle}}. Ti informeremo non appena sarà di nuovo disponibile. Resta sintonizzato!',
      '{{#if position}}Sei il numero {{position}} in lista.{{/if}}',
    ],
    sms: '{{shopName}}: sei in lista d’attesa per {{productTitle}}. Ti avviseremo appena torna disponibile.',
  },
  waitlist_double_opt_in: {
    subject: 'Conferma la tua iscrizione: {{productTitle}}',
    preheader: 'Un clic e sei in lista.',
    heading: greeting,
    paragraphs: [
      'Hai chiesto di essere avvisato quando {{productTitle}} tornerà disponibile. Conferma la tua iscrizione con il pulsante qui sotto.',
      'Se non sei stato tu, ignora questo messaggio: senza conferma non ti scriveremo più.',
    ],
    cta: { label: 'Conferma l’iscrizione', url: '{{link}}' },
    sms: '{{shopName}}: conferma l’avviso per {{productTitle}}: {{link}}',
  },
  waitlist_eta_update: {
    subject: '{{productTitle}}: arrivo previsto il {{formatDate date}}',
    preheader: 'Un aggiornamento sul prodotto che aspetti.',
    heading: greeting,
    paragraphs: [
      'Abbiamo novità su {{productTitle}}: il riassortimento è previsto per il {{formatDate date}}.',
      'Resti in lista e ti scriveremo appena sarà disponibile. Se la data dovesse cambiare, te lo diremo.',
    ],
    sms: '{{shopName}}: {{productTitle}} è previsto per il {{formatDate date}}. Resti in lista.',
  },
  waitlist_still_working: {
    subject: 'Stiamo lavorando per riavere {{productTitle}}',
    heading: greeting,
    paragraphs: [
      'Non ci siamo dimenticati di te: stiamo lavorando attivamente per rifornire {{productTitle}}.',
      'Non abbiamo ancora una data certa e preferiamo non dartene una sbagliata. Resti in lista: sarai tra i primi a saperlo.',
      '{{#if exclusiveContent}}Nel frattempo, qualcosa per te: {{exclusiveContent}}{{/if}}',
    ],
    sms: '{{shopName}}: stiamo ancora lavorando per riavere {{productTitle}}. Resti in lista.',
  },
  waitlist_still_interested: {
    subject: 'Ti interessa ancora {{productTitle}}?',
    heading: greeting,
    paragraphs: [
      'Sei in lista d’attesa per {{productTitle}} da un po’ di tempo. Vuoi mantenere il tuo posto?',
      'Se non confermi, la tua iscrizione scadrà{{#if date}} il {{formatDate date}}{{/if}} e non riceverai altri messaggi su questo prodotto.',
    ],
    cta: { label: 'Sì, tengo il mio posto', url: '{{link}}' },
    sms: '{{shopName}}: ti interessa ancora {{productTitle}}? Tieni il tuo posto: {{link}}',
  },
  back_in_stock: {
    subject: 'È tornato: {{productTitle}}',
    preheader: 'Il prodotto che aspettavi è di nuovo disponibile.',
    heading: greeting,
    paragraphs: [
      'Il prodotto che aspettavi è tornato! {{productTitle}} è di nuovo disponibile{{#if limited}} in quantità limitata{{/if}}.',
      '{{#if discountCode}}Come ringraziamento per l’attesa, usa il codice {{discountCode}}{{#if discountHours}} entro {{discountHours}} ore{{/if}}.{{/if}}',
      '{{#if points}}Ti abbiamo accreditato {{points}} punti fedeltà per la tua pazienza.{{/if}}',
    ],
    cta: { label: 'Ordina ora', url: '{{link}}' },
    sms: '{{shopName}}: {{productTitle}} è tornato!{{#if discountCode}} Codice {{discountCode}}.{{/if}} {{link}}',
  },
  early_access: {
    subject: 'Accesso anticipato per te: {{productTitle}}',
    preheader: 'Prima di tutti gli altri.',
    heading: greeting,
    paragraphs: [
      'Sei tra i nostri clienti più fedeli: puoi ordinare {{productTitle}} prima dell’annuncio pubblico.',
      'Il link qui sotto è personale{{#if date}} e vale fino al {{formatDate date}}{{/if}}.',
    ],
    cta: { label: 'Accedi in anteprima', url: '{{link}}' },
    sms: '{{shopName}}: accesso anticipato a {{productTitle}}, solo per te: {{link}}',
  },
  sold_out_keep_place: {
    subject: '{{productTitle}}: esaurito prima del tuo turno',
    heading: greeting,
    paragraphs: [
      'Ci dispiace: le unità di {{productTitle}} arrivate sono andate esaurite prima del tuo turno.',
      'Mantieni il tuo posto in lista e sarai tra i primi al prossimo riassortimento{{#if date}}, previsto per il {{formatDate date}}{{/if}}.',
    ],
    sms: '{{shopName}}: {{productTitle}} è esaurito prima del tuo turno. Mantieni il posto in lista.',
  },
  preorder: {
    subject: '{{productTitle}} è disponibile in preordine',
    heading: 'Buone notizie!',
    paragraphs: [
      '{{productTitle}} è ora disponibile in preordine. Ordina subito per essere tra i primi a riceverlo appena sarà nuovamente disponibile.',
      '{{#if date}}Spedizione prevista: {{formatDate date}}.{{/if}}',
    ],
    cta: { label: 'Preordina', url: '{{link}}' },
    sms: '{{shopName}}: {{productTitle}} è disponibile in preordine: {{link}}',
  },
  thank_you: {
    subject: 'Grazie per la tua pazienza',
    heading: greeting,
    paragraphs: [
      'Grazie per la tua pazienza e fiducia! Come segno di riconoscenza, ti offriamo {{gift}} valido sul prossimo acquisto.',
      '{{#if discountCode}}Il tuo codice: {{discountCode}}.{{/if}}',
    ],
    cta: { label: 'Visita il negozio', url: '{{link}}' },
    sms: '{{shopName}}: grazie per la pazienza! Per te {{gift}} sul prossimo acquisto.{{#if discountCode}} Codice {{discountCode}}.{{/if}}',
  },
  apology: {
    subject: 'Ci scusiamo: {{productTitle}}',
    heading: greeting,
    paragraphs: [
      'Abbiamo sottovalutato la domanda per {{productTitle}} e ci scusiamo per il disagio causato.',
      'Stiamo lavorando attivamente per rifornirlo e faremo il possibile perché non accada di nuovo.{{#if date}} Il nuovo arrivo è previsto per il {{formatDate date}}.{{/if}}',
      '{{#if gift}}Per scusarci, ti offriamo {{gift}}{{#if discountCode}} con il codice {{discountCode}}{{/if}}.{{/if}}',
    ],
    sms: '{{shopName}}: ci scusiamo per il ritardo di {{productTitle}}. Stiamo lavorando per rifornirlo.',
  },
};
