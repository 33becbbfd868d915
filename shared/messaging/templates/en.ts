import type { LocaleTexts } from './model.js';

/** English texts: the Italian set (it.ts) in English, same fields, same honesty rules. */
const greeting = '{{#if name}}Hi {{name}},{{else}}Hi,{{/if}}';

export const en: LocaleTexts = {
  waitlist_confirmation: {
    subject: 'You are on the waitlist for {{productTitle}}',
    preheader: 'We will write as soon as it is back.',
    heading: greeting,
    paragraphs: [
      'Thank you for joining our waitlist for {{productTitle}}. We will let you know as soon as it is available again. Stay tuned!',
      '{{#if position}}You are number {{position}} in line.{{/if}}',
    ],
    sms: '{{shopName}}: you are on the waitlist for {{productTitle}}. We will tell you when it is back.',
  },
  waitlist_double_opt_in: {
    subject: 'Confirm your sign-up: {{productTitle}}',
    preheader: 'One click and you are on the list.',
    heading: greeting,
    paragraphs: [
      'You asked to be told when {{productTitle}} is back in stock. Please confirm your sign-up with the button below.',
      'If this was not you, ignore this message: without a confirmation we will not write again.',
    ],
    cta: { label: 'Confirm my sign-up', url: '{{link}}' },
    sms: '{{shopName}}: confirm your alert for {{productTitle}}: {{link}}',
  },
  waitlist_eta_update: {
    subject: '{{productTitle}}: expected on {{formatDate date}}',
    preheader: 'An update on the product you are waiting for.',
    heading: greeting,
    paragraphs: [
      'News about {{productTitle}}: the restock is expected on {{formatDate date}}.',
      'You keep your place on the list and we will write as soon as it is available. If the date moves, we will tell you.',
    ],
    sms: '{{shopName}}: {{productTitle}} is expected on {{formatDate date}}. You keep your place.',
  },
  waitlist_still_working: {
    subject: 'We are working on getting {{productTitle}} back',
    heading: greeting,
    paragraphs: [
      'We have not forgotten you: we are actively working on restocking {{productTitle}}.',
      'We do not have a firm date yet and would rather not give you a wrong one. You keep your place and will be among the first to know.',
      '{{#if exclusiveContent}}In the meantime, something for you: {{exclusiveContent}}{{/if}}',
    ],
    sms: '{{shopName}}: we are still working on getting {{productTitle}} back. You keep your place.',
  },
  waitlist_still_interested: {
    subject: 'Still interested in {{productTitle}}?',
    heading: greeting,
    paragraphs: [
      'You have been on the waitlist for {{productTitle}} for a while. Would you like to keep your place?',
      'If you do not confirm, your sign-up will expire{{#if date}} on {{formatDate date}}{{/if}} and you will get no more messages about this product.',
    ],
    cta: { label: 'Yes, keep my place', url: '{{link}}' },
    sms: '{{shopName}}: still interested in {{productTitle}}? Keep your place: {{link}}',
  },
  back_in_stock: {
    subject: 'It is back: {{productTitle}}',
    preheader: 'The product you were waiting for is available again.',
    heading: greeting,
    paragraphs: [
      'The product you were waiting for is back! {{productTitle}} is available again{{#if limited}} in limited quantity{{/if}}.',
      '{{#if discountCode}}As a thank-you for waiting, use the code {{discountCode}}{{#if discountHours}} within {{discountHours}} hours{{/if}}.{{/if}}',
      '{{#if points}}We have added {{points}} loyalty points to your account for your patience.{{/if}}',
    ],
    cta: { label: 'Order now', url: '{{link}}' },
    sms: '{{shopName}}: {{productTitle}} is back!{{#if discountCode}} Code {{discountCode}}.{{/if}} {{link}}',
  },
  early_access: {
    subject: 'Early access for you: {{productTitle}}',
    preheader: 'Before everyone else.',
    heading: greeting,
    paragraphs: [
      'You are one of our most loyal customers: you can order {{productTitle}} before the public announcement.',
      'The link below is personal{{#if date}} and valid until {{formatDate date}}{{/if}}.',
    ],
    cta: { label: 'Get early access', url: '{{link}}' },
    sms: '{{shopName}}: early access to {{productTitle}}, just for you: {{link}}',
  },
  sold_out_keep_place: {
    subject: '{{productTitle}}: sold out before your turn',
    heading: greeting,
    paragraphs: [
      'We are sorry: the units of {{productTitle}} that arrived sold out before your turn.',
      'You keep your place on the list and will be among the first at the next restock{{#if date}}, expected on {{formatDate date}}{{/if}}.',
    ],
    sms: '{{shopName}}: {{productTitle}} sold out before your turn. You keep your place.',
  },
  preorder: {
    subject: '{{productTitle}} is available for preorder',
    heading: 'Good news!',
    paragraphs: [
      '{{productTitle}} is now available for preorder. Order now to be among the first to receive it as soon as it is back.',
      '{{#if date}}Expected to ship: {{formatDate date}}.{{/if}}',
    ],
    cta: { label: 'Preorder', url: '{{link}}' },
    sms: '{{shopName}}: {{productTitle}} is available for preorder: {{link}}',
  },
  thank_you: {
    subject: 'Thank you for your patience',
    heading: greeting,
    paragraphs: [
      'Thank you for your patience and trust! As a token of our appreciation, here is {{gift}} off your next purchase.',
      '{{#if discountCode}}Your code: {{discountCode}}.{{/if}}',
    ],
    cta: { label: 'Visit the shop', url: '{{link}}' },
    sms: '{{shopName}}: thank you for your patience! {{gift}} off your next purchase.{{#if discountCode}} Code {{discountCode}}.{{/if}}',
  },
  apology: {
    subject: 'We are sorry: {{productTitle}}',
    heading: greeting,
    paragraphs: [
      'We underestimated the demand for {{productTitle}} and we apologise for the inconvenience.',
      'We are actively working on restocking it and will do what we can so that it does not happen again.{{#if date}} The new arrival is expected on {{formatDate date}}.{{/if}}',
      '{{#if gift}}To make up for it, here is {{gift}}{{#if discountCode}} with the code {{discountCode}}{{/if}}.{{/if}}',
    ],
    sms: '{{shopName}}: we are sorry about the delay of {{productTitle}}. We are working on restocking it.',
  },
};
