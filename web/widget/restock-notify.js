/*!
 * <restock-notify> — Restock's drop-in "notify me" widget. One file, no dependencies.
 *
 *   <script src="https://…/widget/restock-notify.js" defer></script>   (classic or type="module")
 *   <restock-notify product="sneaker-aria" api="https://api.example.com" key="rpk.…" lang="it"></restock-notify>
 *
 * Attributes: product (id), api (Restock API base URL), key (publishable key), lang (it, en,
 * or any language the shop configured), sku (preselect a variant), compact (button only),
 * shopper (the storefront's opaque visitor id, optional), access (an early-access token;
 * by default read from the page's `?restock_access=`, as wave messages link to it).
 * Styling: CSS custom properties (--restock-accent, --restock-radius, …, see :host below)
 * and the parts status, button, dialog, access and hold-button. Events: restock-notify:subscribed,
 * restock-notify:error, restock-notify:access (may this shopper buy now?), restock-notify:held.
 */
const FALLBACK_TEXTS = {
  en: {
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
    'access.checking': 'Checking your early-access link…',
    'access.early_access': 'Early access: you can buy it now, before everyone else.',
    'access.open_to_everyone': 'It is back for everyone: you can buy it now.',
    'access.holding': 'A unit is held for you until {time}.',
    'access.hold': 'Hold one for me ({minutes} min)',
    'access.held': 'Held for you until {time}. Complete your order to keep it.',
    'access.all_units_held': 'Every unit is held by someone right now. You keep your place: a unit that frees up goes to the next wave.',
    'access.sold_out': 'Sold out before your turn. You keep your place for the next restock.',
    'access.already_bought': 'You already bought this one. Thank you!',
    'access.paused': 'Early access is paused for a moment. You keep your place.',
    'access.not_started': 'Early access has not started yet. You keep your place.',
    'access.release_ended': 'This early access has ended.',
    'access.release_cancelled': 'This early access was cancelled. You keep your place.',
    'access.invalid': 'This early-access link is not valid or has expired.',
  },
  it: {
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
    'access.checking': 'Verifica del tuo link di accesso anticipato…',
    'access.early_access': 'Accesso anticipato: puoi acquistarlo ora, prima di tutti.',
    'access.open_to_everyone': 'È tornato disponibile per tutti: puoi acquistarlo ora.',
    'access.holding': 'Un pezzo è riservato per te fino alle {time}.',
    'access.hold': 'Riservane uno per me ({minutes} min)',
    'access.held': 'Riservato per te fino alle {time}. Completa l’ordine per non perderlo.',
    'access.all_units_held': 'Tutti i pezzi sono riservati in questo momento. Mantieni il tuo posto: un pezzo che si libera va all’ondata successiva.',
    'access.sold_out': 'Esaurito prima del tuo turno. Mantieni il tuo posto per il prossimo rifornimento.',
    'access.already_bought': 'L’hai già acquistato. Grazie!',
    'access.paused': 'L’accesso anticipato è in pausa per un momento. Mantieni il tuo posto.',
    'access.not_started': 'L’accesso anticipato non è ancora iniziato. Mantieni il tuo posto.',
    'access.release_ended': 'Questo accesso anticipato è terminato.',
    'access.release_cancelled': 'Questo accesso anticipato è stato annullato. Mantieni il tuo posto.',
    'access.invalid': 'Questo link di accesso anticipato non è valido o è scaduto.',
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
/** E.164-ish: a plus, a country code and 7 to 15 digits in all, once spaces and dashes are gone. */
const PHONE = /^\+[1-9]\d{6,14}$/;
const normalizePhone = (raw) => raw.replace(/[\s().-]/g, '');
const isEmail = (v) => EMAIL.test(v.trim());
const isPhone = (v) => PHONE.test(normalizePhone(v));

// One config request per page for all widgets of the same shop and language.
const configs = new Map();
function loadConfig(api, key, lang) {
  const id = `${api}\u0000${key}\u0000${lang}`;
  if (!configs.has(id)) {
    configs.set(
      id,
      fetch(`${api}/storefront/config${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`, { headers: { 'x-restock-key': key } })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
    );
  }
  return configs.get(id);
}

const STYLE = `
:host {
  --restock-font: inherit;
  --restock-color: #1d1d1f;
  --restock-bg: #ffffff;
  --restock-muted: #5f6368;
  --restock-border: #c9ccd1;
  --restock-accent: #1f5eff;
  --restock-accent-contrast: #ffffff;
  --restock-in-stock: #1e7a34;
  --restock-low: #a35200;
  --restock-out: #b3261e;
  --restock-error: #b3261e;
  --restock-success: #1e7a34;
  --restock-radius: 8px;
  --restock-gap: 0.75rem;
  --restock-dialog-width: 26rem;
  --restock-backdrop: rgb(0 0 0 / 0.35);
  display: block;
  font: var(--restock-font);
  color: var(--restock-color);
}
:host([hidden]) { display: none; }
.status { margin: 0 0 var(--restock-gap); font-weight: 600; }
.status[data-state="in_stock"] { color: var(--restock-in-stock); }
.status[data-state="low_stock"] { color: var(--restock-low); }
.status[data-state="out_of_stock"], .status[data-state="error"] { color: var(--restock-out); }
.status .eta { display: block; font-weight: 400; color: var(--restock-muted); font-size: 0.92em; }
:host([compact]) .status { margin-bottom: 0.4rem; font-size: 0.9em; }
button { font: inherit; cursor: pointer; border-radius: var(--restock-radius); padding: 0.6rem 1rem; border: 1px solid var(--restock-accent); }
button.primary { background: var(--restock-accent); color: var(--restock-accent-contrast); }
button.secondary { background: transparent; color: var(--restock-accent); }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--restock-accent); outline-offset: 2px; }
button[disabled] { opacity: 0.6; cursor: progress; }
dialog { width: min(var(--restock-dialog-width), calc(100vw - 2rem)); border: 1px solid var(--restock-border); border-radius: var(--restock-radius); background: var(--restock-bg); color: var(--restock-color); padding: 1.25rem; box-shadow: 0 10px 40px rgb(0 0 0 / 0.25); font: var(--restock-font); }
dialog::backdrop { background: var(--restock-backdrop); }
.head { display: flex; justify-content: space-between; align-items: start; gap: 1rem; }
.head h2 { margin: 0 0 0.5rem; font-size: 1.2em; }
.close { border: none; background: transparent; color: var(--restock-muted); font-size: 1.4em; line-height: 1; padding: 0.2rem 0.5rem; }
.intro, .hint { color: var(--restock-muted); font-size: 0.92em; margin: 0 0 var(--restock-gap); }
.field { display: flex; flex-direction: column; gap: 0.3rem; margin-bottom: var(--restock-gap); }
.field label { font-weight: 600; }
.field .hint { margin: 0; }
input[type="email"], input[type="tel"], select { font: inherit; padding: 0.55rem 0.65rem; border: 1px solid var(--restock-border); border-radius: var(--restock-radius); background: var(--restock-bg); color: var(--restock-color); }
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--restock-error); box-shadow: inset 0 0 0 1px var(--restock-error); }
.consent { display: flex; gap: 0.5rem; align-items: start; margin-bottom: var(--restock-gap); }
.consent input { margin-top: 0.25rem; width: 1.1rem; height: 1.1rem; }
.error { color: var(--restock-error); font-size: 0.92em; margin: 0; }
.error:empty { display: none; }
.summary { border-left: 4px solid var(--restock-error); padding: 0.5rem 0.75rem; margin-bottom: var(--restock-gap); color: var(--restock-error); background: color-mix(in srgb, var(--restock-error) 8%, transparent); }
.summary:empty { display: none; }
.success { border-left: 4px solid var(--restock-success); padding: 0.75rem; color: var(--restock-success); background: color-mix(in srgb, var(--restock-success) 8%, transparent); margin-bottom: var(--restock-gap); }
.actions { display: flex; gap: 0.5rem; justify-content: flex-end; }
.access { border-left: 4px solid var(--restock-accent); padding: 0.5rem 0.75rem; margin-bottom: var(--restock-gap); }
.access[data-state="may_buy"], .access[data-state="held"] { border-color: var(--restock-success); color: var(--restock-success); }
.access[data-state="invalid"] { border-color: var(--restock-error); color: var(--restock-error); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
};

/** "42 / bianco": attribute values in the product's axis order (sizes, then colours). */
const variantLabel = (v, axes = []) => {
  const attrs = v.attributes || {};
  const names = [...axes.filter((n) => n in attrs), ...Object.keys(attrs).filter((n) => !axes.includes(n)).sort()];
  return names.map((n) => attrs[n]).join(' / ') || v.sku;
};

class RestockNotify extends HTMLElement {
  static observedAttributes = ['product', 'api', 'key', 'lang', 'sku', 'access'];

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.append(h('style', { text: STYLE }));
    this.view = h('div');
    this.root.append(this.view);
    this.texts = { ...FALLBACK_TEXTS.en };
    this.generation = 0;
  }

  connectedCallback() {
    this.load();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (this.isConnected && oldValue !== null && oldValue !== newValue) this.load();
  }

  get apiBase() {
    return (this.getAttribute('api') || '').replace(/\/+$/, '');
  }
  get lang() {
    return this.getAttribute('lang') || document.documentElement.lang || 'en';
  }
  t(key) {
    return this.texts[key] ?? FALLBACK_TEXTS.en[key] ?? key;
  }

  async load() {
    const generation = ++this.generation;
    const lang = this.lang.toLowerCase().split('-')[0];
    this.texts = { ...FALLBACK_TEXTS.en, ...(FALLBACK_TEXTS[lang] || {}) };
    this.renderStatus({ state: 'loading', label: this.t('widget.loading') });
    const product = this.getAttribute('product');
    const key = this.getAttribute('key') || '';
    if (!product || !this.apiBase) return this.renderStatus({ state: 'error', label: this.t('widget.unavailable') });
    try {
      const [config, res] = await Promise.all([
        loadConfig(this.apiBase, key, lang),
        fetch(`${this.apiBase}/storefront/products/${encodeURIComponent(product)}?alternatives=0&lang=${encodeURIComponent(lang)}`, { headers: { 'x-restock-key': key } }),
      ]);
      if (generation !== this.generation) return;
      if (config) {
        this.config = config;
        this.texts = { ...this.texts, ...config.texts };
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.product = await res.json();
    } catch {
      if (generation !== this.generation) return;
      this.product = undefined;
      return this.renderStatus({ state: 'error', label: this.t('widget.unavailable') });
    }
    this.render();
    if (!this.product.availability.available) this.signal({ type: 'oos_view', productId: this.product.productId });
    const access = this.getAttribute('access') || new URLSearchParams(location.search).get('restock_access');
    if (access) await this.earlyAccess(access, generation);
  }

  /** Fills {name} placeholders of a text. */
  fill(key, values) {
    return this.t(key).replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
  }

  /**
   * A private early-access link (`?restock_access=` on the page, or the `access` attribute):
   * asks the API whether this shopper may buy now, offers to hold a unit, and tells the page
   * (`restock-notify:access`, detail = the answer) so it can unlock its own buy button.
   */
  async earlyAccess(token, generation) {
    const headers = { 'x-restock-key': this.getAttribute('key') || '' };
    const panel = h('div', { class: 'access', part: 'access', role: 'status', 'aria-live': 'polite', text: this.t('access.checking') });
    this.view.prepend(panel);
    const time = (iso) => new Date(iso).toLocaleTimeString(this.lang, { hour: '2-digit', minute: '2-digit' });
    let answer;
    try {
      const res = await fetch(`${this.apiBase}/storefront/early-access?token=${encodeURIComponent(token)}`, { headers });
      if (generation !== this.generation) return;
      if (!res.ok) {
        panel.dataset.state = 'invalid';
        panel.textContent = this.t('access.invalid');
        return this.emit('access', { mayBuyNow: false, reason: 'invalid' });
      }
      answer = await res.json();
    } catch {
      panel.dataset.state = 'invalid';
      panel.textContent = this.t('widget.unavailable');
      return;
    }
    panel.dataset.state = answer.mayBuyNow ? 'may_buy' : 'wait';
    panel.textContent = answer.reason === 'holding' && answer.hold ? this.fill('access.holding', { time: time(answer.hold.holdUntil) }) : this.t(`access.${answer.reason}`);
    this.emit('access', answer);
    if (!answer.claimToken) return;
    const hold = h('button', {
      type: 'button',
      class: 'primary',
      part: 'hold-button',
      text: this.fill('access.hold', { minutes: answer.holdMinutes }),
      onclick: async () => {
        hold.disabled = true;
        try {
          const res = await fetch(`${this.apiBase}/storefront/claims`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ token: answer.claimToken }) });
          const body = await res.json().catch(() => ({}));
          if (res.status === 201) {
            panel.dataset.state = 'held';
            panel.textContent = this.fill('access.held', { time: time(body.holdUntil) });
            this.emit('held', body);
          } else {
            panel.dataset.state = 'wait';
            panel.textContent = res.status === 409 ? this.t('access.all_units_held') : this.t('access.invalid');
          }
        } catch {
          panel.textContent = this.t('widget.unavailable');
        }
        hold.remove();
      },
    });
    panel.after(hold);
  }

  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(`restock-notify:${name}`, { detail, bubbles: true, composed: true }));
  }

  /** Demand capture: fire and forget, never in the shopper's way. */
  signal(body) {
    const path = this.config?.signals?.path || '/storefront/signals';
    fetch(`${this.apiBase}${path}`, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', 'x-restock-key': this.getAttribute('key') || '' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  }

  renderStatus({ state, label, eta }) {
    const status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite', 'data-state': state, text: label });
    if (eta) status.append(h('span', { class: 'eta', text: eta }));
    this.view.replaceChildren(status);
    return status;
  }

  /** The variant the shopper is looking at, if the page named one. */
  get selectedVariant() {
    const sku = this.getAttribute('sku');
    return sku ? this.product?.variants.find((v) => v.sku === sku) : undefined;
  }

  render() {
    const p = this.product;
    const shown = this.selectedVariant || p.availability;
    const detail = !shown.available
      ? p.outOfStock?.reason?.code === 'merchant'
        ? p.outOfStock.reason.text
        : shown.eta?.label
      : undefined;
    this.renderStatus({ state: shown.state, label: shown.label, eta: detail });
    this.notifiable = p.variants.filter((v) => v.notify);
    if (!this.notifiable.length) return;
    if (shown.available && !this.hasAttribute('compact')) this.view.append(h('p', { class: 'hint', text: this.t('widget.someUnavailable') }));
    this.button = h('button', {
      type: 'button',
      class: 'primary',
      part: 'button',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      text: this.t('widget.notify'),
      onclick: () => this.open(),
    });
    this.view.append(this.button);
  }

  buildDialog() {
    const p = this.product;
    const ids = { title: 'rn-title', intro: 'rn-intro', email: 'rn-email', phone: 'rn-phone', variant: 'rn-variant', consent: 'rn-consent' };
    const error = (id) => h('p', { class: 'error', id: `${id}-error` });
    const needsPicker = this.notifiable.length > 1 || Object.keys(this.notifiable[0]?.attributes || {}).length > 0;
    const preselected = this.notifiable.find((v) => v.sku === this.getAttribute('sku'));
    const axes = (p.matrix?.axes || []).map((a) => a.name);

    this.summary = h('div', { class: 'summary', role: 'alert', tabindex: '-1' });
    this.fields = {
      variant: needsPicker
        ? h(
            'select',
            { id: ids.variant, name: 'sku', required: true, 'aria-describedby': `${ids.variant}-error` },
            h('option', { value: '', text: '—' }),
            ...this.notifiable.map((v) => h('option', { value: v.sku, text: `${variantLabel(v, axes)} — ${v.label}`, selected: preselected?.sku === v.sku })),
          )
        : undefined,
      email: h('input', { id: ids.email, name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', 'aria-describedby': `rn-channel-hint ${ids.email}-error` }),
      phone: h('input', { id: ids.phone, name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', 'aria-describedby': `${ids.phone}-hint rn-channel-hint ${ids.phone}-error` }),
      consent: h('input', { id: ids.consent, name: 'consent', type: 'checkbox', required: true, 'aria-describedby': `${ids.consent}-error` }),
    };
    this.submitButton = h('button', { type: 'submit', class: 'primary', text: this.t('widget.submit') });
    const consentText = this.config?.consent?.text || this.t('widget.consent');

    this.form = h(
      'form',
      { novalidate: true, onsubmit: (e) => this.submit(e) },
      this.summary,
      this.fields.variant && h('div', { class: 'field' }, h('label', { for: ids.variant, text: this.t('widget.variant') }), this.fields.variant, error(ids.variant)),
      h('p', { class: 'hint', id: 'rn-channel-hint', text: this.t('widget.channelHint') }),
      h('div', { class: 'field' }, h('label', { for: ids.email, text: this.t('widget.email') }), this.fields.email, error(ids.email)),
      h('div', { class: 'field' }, h('label', { for: ids.phone, text: this.t('widget.phone') }), h('p', { class: 'hint', id: `${ids.phone}-hint`, text: this.t('widget.phoneHint') }), this.fields.phone, error(ids.phone)),
      h('div', { class: 'consent' }, this.fields.consent, h('label', { for: ids.consent, text: consentText })),
      error(ids.consent),
      this.config?.privacyUrl && h('p', { class: 'hint' }, h('a', { href: this.config.privacyUrl, target: '_blank', rel: 'noopener', text: 'Privacy' })),
      h('div', { class: 'actions' }, this.submitButton),
    );
    this.successBox = h('div', { class: 'success', role: 'status', tabindex: '-1', hidden: true });
    this.doneButton = h('button', { type: 'button', class: 'secondary', hidden: true, text: this.t('widget.close'), onclick: () => this.close() });

    const dialog = h(
      'dialog',
      { part: 'dialog', 'aria-labelledby': ids.title, 'aria-describedby': ids.intro },
      h(
        'div',
        { class: 'head' },
        h('h2', { id: ids.title, text: this.t('widget.title') }),
        h('button', { type: 'button', class: 'close', 'aria-label': this.t('widget.close'), text: '×', onclick: () => this.close() }),
      ),
      h('p', { class: 'intro', id: ids.intro }, document.createTextNode(`${p.title}. ${this.t('widget.intro')}`)),
      this.form,
      this.successBox,
      h('div', { class: 'actions' }, this.doneButton),
    );
    // Escape closes (the native cancel), focus goes back to the button on any close, and Tab
    // cycles within the dialog.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      this.close();
    });
    dialog.addEventListener('keydown', (e) => this.trapFocus(e));
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) this.close(); // a click on the backdrop
    });
    return dialog;
  }

  open() {
    this.dialog?.remove();
    this.dialog = this.buildDialog();
    this.root.append(this.dialog);
    if (typeof this.dialog.showModal === 'function') this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
    this.button.setAttribute('aria-expanded', 'true');
    (this.fields.variant && !this.fields.variant.value ? this.fields.variant : this.fields.email).focus();
  }

  close() {
    if (!this.dialog) return;
    if (this.dialog.open && typeof this.dialog.close === 'function') this.dialog.close();
    this.dialog.remove();
    this.dialog = undefined;
    this.button?.setAttribute('aria-expanded', 'false');
    this.button?.focus();
  }

  focusables() {
    return [...this.dialog.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => !el.disabled && !el.hidden && !el.closest('[hidden]'));
  }

  trapFocus(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      return this.close();
    }
    if (e.key !== 'Tab') return;
    const items = this.focusables();
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = this.root.activeElement;
    if (e.shiftKey && (active === first || !this.dialog.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !this.dialog.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  setError(name, message) {
    const field = this.fields[name];
    const out = this.root.getElementById(`rn-${name}-error`);
    if (out) out.textContent = message || '';
    if (field) {
      if (message) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
  }

  validate() {
    const email = this.fields.email.value.trim();
    const phone = this.fields.phone.value.trim();
    const errors = {};
    if (this.fields.variant && !this.fields.variant.value) errors.variant = this.t('widget.error.variant');
    if (email && !isEmail(email)) errors.email = this.t('widget.error.email');
    if (phone && !isPhone(phone)) errors.phone = this.t('widget.error.phone');
    if (!email && !phone) errors.email = this.t('widget.error.channel');
    if (!this.fields.consent.checked) errors.consent = this.t('widget.error.consent');
    for (const name of ['variant', 'email', 'phone', 'consent']) this.setError(name, errors[name]);
    return errors;
  }

  showSummary(message) {
    this.summary.textContent = message || '';
  }

  async submit(e) {
    e.preventDefault();
    if (this.sending) return;
    const errors = this.validate();
    const invalid = Object.keys(errors);
    if (invalid.length) {
      this.showSummary(this.t('widget.error.summary'));
      this.fields[invalid[0]].focus();
      return;
    }
    this.showSummary('');
    const sku = this.fields.variant ? this.fields.variant.value : this.notifiable[0].sku;
    const email = this.fields.email.value.trim();
    const phone = this.fields.phone.value.trim();
    const lang = this.lang.toLowerCase().split('-')[0];
    let timeZone;
    try {
      timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      /* not worth failing a sign-up over */
    }
    const body = {
      productId: this.product.productId,
      sku,
      ...(email ? { email } : {}),
      ...(phone ? { phone: normalizePhone(phone) } : {}),
      locale: this.config?.locale || lang,
      // What the shopper agreed to (the text's version) and where; no query string, which can carry personal data.
      consent: { given: true, textVersion: this.config?.consent?.version || `builtin-${lang}`, at: new Date().toISOString(), source: `${location.origin}${location.pathname}` },
      ...(this.getAttribute('shopper') ? { shopperId: this.getAttribute('shopper') } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
    this.sending = true;
    this.submitButton.disabled = true;
    this.submitButton.textContent = this.t('widget.sending');
    this.form.setAttribute('aria-busy', 'true');
    let failure;
    let answer;
    try {
      const res = await fetch(`${this.apiBase}${this.config?.waitlist?.signupPath || '/storefront/waitlist'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-restock-key': this.getAttribute('key') || '' },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        const problem = await res.json().catch(() => ({}));
        failure = this.failureMessage(res.status, problem);
      } else answer = await res.json().catch(() => ({}));
    } catch {
      failure = this.t('widget.error.generic');
    } finally {
      this.sending = false;
      this.form.removeAttribute('aria-busy');
      this.submitButton.disabled = false;
      this.submitButton.textContent = this.t('widget.submit');
    }
    if (failure) {
      this.showSummary(failure);
      this.summary.focus();
      this.dispatchEvent(new CustomEvent('restock-notify:error', { bubbles: true, composed: true, detail: { productId: this.product.productId, sku, message: failure } }));
      return;
    }
    this.form.hidden = true;
    this.successBox.hidden = false;
    this.successBox.textContent = this.t(answer?.status === 'pending_confirmation' ? 'widget.confirm' : 'widget.success');
    this.doneButton.hidden = false;
    this.successBox.focus();
    this.dispatchEvent(new CustomEvent('restock-notify:subscribed', { bubbles: true, composed: true, detail: { productId: this.product.productId, sku, status: answer?.status, position: answer?.position ?? null } }));
  }

  /** What went wrong, in the shopper's words; field problems from the server go to their field. */
  failureMessage(status, problem) {
    if (status === 404) return this.t('widget.error.notOpen');
    if (status === 429) return this.t('widget.error.rateLimited');
    if (status === 409) return this.t('widget.error.full');
    if (status === 400 || status === 422) {
      const fields = problem?.error?.fields || [];
      let matched = false;
      for (const f of fields) {
        const name = String(f.field || '').replace(/^body\./, '').split('.')[0];
        if (name === 'email' || name === 'phone' || name === 'consent') {
          this.setError(name, this.t(`widget.error.${name}`));
          matched = true;
        }
      }
      if (matched) return this.t('widget.error.summary');
    }
    return this.t('widget.error.generic');
  }
}

if (!customElements.get('restock-notify')) customElements.define('restock-notify', RestockNotify);
