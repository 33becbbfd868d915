import { describe, expect, it } from 'vitest';
import { preRank, similarity, wantedVariantBonus, type CandidateFacts } from '../../../shared/storefront/alternatives.js';

const facts = (productId: string, over: Partial<CandidateFacts> = {}): CandidateFacts => ({ productId, attributes: {}, tags: [], variantValues: {}, related: [], status: 'active', ...over });
const base = facts('base', { category: 'sneakers', brand: 'Aria', price: 10000, attributes: { material: 'leather' }, variantValues: { size: ['41', '42'] }, related: ['socks'] });

describe('similarity', () => {
  it('rewards the same category, shared attributes, the brand and a close price', () => {
    const s = similarity(base, facts('c', { category: 'sneakers', brand: 'Aria', price: 10500, attributes: { material: 'leather' }, variantValues: { size: ['42'] } }));
    expect(s.reasons).toEqual(['same_category', 'similar_attributes', 'same_brand', 'similar_price']);
    expect(s.score).toBeGreaterThan(6);
  });
  it('prices within 30 % are in band, beyond double are penalised', () => {
    const at = (price: number) => similarity(base, facts('c', { category: 'sneakers', price })).score;
    expect(at(10000)).toBeGreaterThan(at(12000));
    expect(at(12000)).toBeGreaterThan(at(15000));
    expect(at(15000)).toBe(3);
    expect(at(25000)).toBe(2);
  });
  it('personalises by recent categories, most recent first', () => {
    const bag = facts('bag', { category: 'bags' });
    const hat = facts('hat', { category: 'hats' });
    expect(similarity(base, bag).score).toBe(0);
    expect(similarity(base, bag, ['bags', 'hats']).score).toBeGreaterThan(similarity(base, hat, ['bags', 'hats']).score);
    expect(similarity(base, bag, ['bags']).reasons).toEqual(['your_interests']);
  });
});

describe('pre-ranking', () => {
  it('excludes the product itself, archived products, complements and unrelated products', () => {
    const catalog = [base, facts('socks', { category: 'sneakers' }), facts('old', { category: 'sneakers', status: 'archived' }), facts('unrelated', { category: 'food' }), facts('near', { category: 'sneakers', price: 9800 }), facts('far', { category: 'sneakers', price: 40000 })];
    expect(preRank(base, catalog, [], 10).map((s) => s.productId)).toEqual(['near', 'far']);
    expect(preRank(base, catalog, [], 1).map((s) => s.productId)).toEqual(['near']);
  });
});

describe('the wanted variant', () => {
  it('ranks candidates holding the same size (and colour) higher', () => {
    const wanted = { size: '42', color: 'red' };
    expect(wantedVariantBonus(wanted, [{ attributes: { size: '42', color: 'red' } }])).toBe(1.5);
    expect(wantedVariantBonus(wanted, [{ attributes: { size: '42', color: 'blue' } }])).toBe(0.75);
    expect(wantedVariantBonus(wanted, [{ attributes: { size: '40', color: 'blue' } }])).toBe(0);
    expect(wantedVariantBonus(undefined, [{ attributes: { size: '42' } }])).toBe(0);
  });
});
