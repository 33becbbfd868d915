// Shared helpers of the demo storefront pages. The pages are plain HTML and use the public
// storefront API the way a merchant's own pages would, with the publishable key only.

export async function demoConfig() {
  const res = await fetch('/_local/demo-config');
  if (!res.ok) throw new Error('The demo shop is not seeded yet: start the stack with `npm start`.');
  return res.json();
}

export const params = new URLSearchParams(location.search);

/** ?lang=en switches language; the shop's default (Italian) otherwise. */
export function langOf(cfg) {
  return (params.get('lang') || cfg.lang || 'it').toLowerCase();
}

export async function storefront(cfg, path) {
  const res = await fetch(`${cfg.api}${path}`, { headers: { 'x-restock-key': cfg.key } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

export function signal(cfg, body) {
  return fetch(`${cfg.api}/storefront/signals`, { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json', 'x-restock-key': cfg.key }, body: JSON.stringify(body) }).catch(() => undefined);
}

export const money = (cents, currency, lang) => (cents === undefined ? '' : new Intl.NumberFormat(lang, { style: 'currency', currency: currency || 'EUR' }).format(cents / 100));

/** Tiny element builder: text is always set as text, never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== null && c !== false) node.append(c);
  return node;
}

export const T = {
  it: {
    shop: 'Bottega Demo',
    home: 'Prodotto',
    category: 'Tutti i prodotti',
    lang: 'English',
    sizes: 'Taglie e colori',
    notMade: 'non prodotta',
    stores: 'Verifica disponibilità in negozio',
    pickup: 'Ritiro in negozio',
    noStores: 'Nessun negozio ha questo prodotto al momento.',
    alternatives: 'Potrebbe piacerti anche',
    complementary: 'Da abbinare',
    otherProducts: 'Altri prodotti della demo',
    buyNow: 'Aggiungi al carrello',
    search: 'Cerca nel negozio',
    searchButton: 'Cerca',
    noResults: 'Nessun prodotto trovato. Abbiamo preso nota della tua ricerca.',
    filters: 'Filtra per disponibilità',
    clear: 'Tutti',
    why: { same_category: 'stessa categoria', similar_price: 'prezzo simile', similar_attributes: 'caratteristiche simili', complementary: 'si abbina', same_variant_available: 'la tua taglia c’è', your_interests: 'per te', same_brand: 'stesso marchio' },
  },
  en: {
    shop: 'Bottega Demo',
    home: 'Product',
    category: 'All products',
    lang: 'Italiano',
    sizes: 'Sizes and colours',
    notMade: 'not made',
    stores: 'Check availability in store',
    pickup: 'Pick up in store',
    noStores: 'No store holds this product right now.',
    alternatives: 'You may also like',
    complementary: 'Goes well with',
    otherProducts: 'Other demo products',
    buyNow: 'Add to cart',
    search: 'Search the shop',
    searchButton: 'Search',
    noResults: 'No products found. We have noted your search.',
    filters: 'Filter by availability',
    clear: 'All',
    why: { same_category: 'same category', similar_price: 'similar price', similar_attributes: 'similar features', complementary: 'goes with it', same_variant_available: 'your size is in', your_interests: 'for you', same_brand: 'same brand' },
  },
};

export function header(cfg, lang, current) {
  const t = T[lang] || T.it;
  const other = lang === 'en' ? 'it' : 'en';
  const link = (href, text, here) => el('a', { href, 'aria-current': here ? 'page' : undefined, text });
  const switchTo = new URLSearchParams(location.search);
  switchTo.set('lang', other);
  return el(
    'header',
    { class: 'site' },
    el('a', { class: 'brand', href: `/demo/?lang=${lang}`, text: t.shop }),
    el('nav', { 'aria-label': 'Demo' }, link(`/demo/?lang=${lang}`, t.home, current === 'product'), link(`/demo/category.html?lang=${lang}`, t.category, current === 'category'), el('a', { href: `?${switchTo}`, lang: other, text: t.lang })),
  );
}

export function productCard(item, cfg, lang, opts = {}) {
  const t = T[lang] || T.it;
  const card = el(
    'article',
    { class: `card state-${item.state}` },
    el('a', { class: 'thumb', href: `/demo/?product=${encodeURIComponent(item.productId)}&lang=${lang}`, 'aria-hidden': 'true', tabindex: '-1' }, el('span', { text: item.title.slice(0, 1) })),
    el('h3', {}, el('a', { href: `/demo/?product=${encodeURIComponent(item.productId)}&lang=${lang}`, text: item.title })),
    el('p', { class: 'price', text: money(item.price, item.currency, lang) }),
    el('ul', { class: 'badges' }, ...(item.badges || []).map((b) => el('li', { class: `badge ${b.code}`, text: b.label }))),
    // The label says it unless a badge already does ("Only 2 left"), or the widget will.
    item.available && !item.badges?.some((b) => b.label === item.label) ? el('p', { class: 'label', text: item.label }) : undefined,
  );
  if (opts.reasons && item.reasons) card.append(el('p', { class: 'why', text: item.reasons.map((r) => t.why[r] || r).join(' · ') }));
  if (opts.notify && !item.available) card.append(el('restock-notify', { product: item.productId, api: cfg.api, key: cfg.key, lang, compact: true }));
  return card;
}
