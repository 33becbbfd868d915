import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSettings, rollUp, sellable, stateOf, transitionEvent } from '../../../shared/inventory/availability.js';
import { availabilityStates } from '../../../shared/inventory/model.js';

const settings = (over: Parameters<typeof effectiveSettings>[0] = {}) => effectiveSettings({ lowStockThreshold: 3, safetyStock: 1, ...over });

describe('sellable stock', () => {
  it('is on hand at online locations minus safety stock, holds and allocations, never negative', () => {
    const s = settings();
    expect(sellable({ onHand: { main: 10, store: 5 }, reserved: 2, allocated: 1 }, s)).toBe(15 - 1 - 2 - 1);
    expect(sellable({ onHand: { main: 10, store: 5 }, reserved: 0, allocated: 0 }, s, new Set(['main']))).toBe(9);
    expect(sellable({ onHand: { main: -4 }, reserved: 0, allocated: 0 }, s)).toBe(0);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer({ min: -100, max: 100 })), fc.nat(50), fc.nat(50), (onHand, reserved, allocated) => sellable({ onHand, reserved, allocated }, s) >= 0),
    );
  });
});

describe('availability state', () => {
  it('follows the thresholds and the preorder/backorder flags', () => {
    expect(stateOf(10, settings())).toBe('in_stock');
    expect(stateOf(3, settings())).toBe('low_stock');
    expect(stateOf(0, settings())).toBe('out_of_stock');
    expect(stateOf(0, settings({ preorder: { enabled: true } }))).toBe('preorder');
    expect(stateOf(0, settings({ backorder: { enabled: true } }))).toBe('backorder');
    expect(stateOf(2, settings({ preorder: { enabled: true } }))).toBe('low_stock');
  });

  it('rolls a product up to its most available variant', () => {
    expect(rollUp(['out_of_stock', 'low_stock', 'preorder'])).toBe('low_stock');
    expect(rollUp([])).toBe('out_of_stock');
  });
});

describe('transition events', () => {
  it('names each real transition once', () => {
    expect(transitionEvent('out_of_stock', 'in_stock')).toBe('BackInStock');
    expect(transitionEvent('preorder', 'low_stock')).toBe('BackInStock');
    expect(transitionEvent('in_stock', 'low_stock')).toBe('StockLow');
    expect(transitionEvent('low_stock', 'out_of_stock')).toBe('StockDepleted');
    expect(transitionEvent('in_stock', 'preorder')).toBe('PreorderOpened');
    expect(transitionEvent('out_of_stock', 'backorder')).toBe('BackorderOpened');
    expect(transitionEvent('low_stock', 'in_stock')).toBeUndefined();
  });

  it('emits nothing without a change of state, and BackInStock only into a sellable state', () => {
    const state = fc.constantFrom(...availabilityStates);
    fc.assert(
      fc.property(state, state, (from, to) => {
        const e = transitionEvent(from, to);
        if (from === to) return e === undefined;
        if (e === 'BackInStock') return to === 'in_stock' || to === 'low_stock';
        return true;
      }),
    );
  });
});
