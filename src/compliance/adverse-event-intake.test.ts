import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import type { DecisionLog, DecisionRecord } from '../domain/decision-record.ts';
import type { Product } from '../domain/product.ts';
import { dueText, findProduct, listIntakes, mayReadIntakes, patientInitials } from './adverse-event-intake.ts';

const products: Product[] = [
  { id: 'prod-xeljanz', brandName: 'XELJANZ', genericName: 'tofacitinib', therapeuticArea: 'immunology', labelId: '', topics: [] },
  { id: 'prod-rinvoq', brandName: 'RINVOQ', genericName: 'upadacitinib', therapeuticArea: 'immunology', labelId: '', topics: [] },
];

describe('adverse-event intake rules', () => {
  it('keeps initials and cuts a name to its initials, so no name is stored', () => {
    expect(patientInitials('J.M.')).toBe('J.M.');
    expect(patientInitials('jm')).toBe('J.M.');
    expect(patientInitials('J M')).toBe('J.M.');
    expect(patientInitials('JMK')).toBe('J.M.K.');
    expect(patientInitials('Jane')).toBe('J.');
    expect(patientInitials('Jane Miller')).toBe('J.M.');
    expect(patientInitials('  ')).toBeNull();
    expect(patientInitials('12345')).toBeNull();
  });

  it('finds our product by id, brand or generic name, or inside a longer name', () => {
    expect(findProduct(products, 'Xeljanz')?.id).toBe('prod-xeljanz');
    expect(findProduct(products, 'upadacitinib')?.id).toBe('prod-rinvoq');
    expect(findProduct(products, 'prod-rinvoq')?.id).toBe('prod-rinvoq');
    expect(findProduct(products, 'XELJANZ XR 11 mg')?.id).toBe('prod-xeljanz');
    expect(findProduct(products, 'Zorblax')).toBeUndefined();
  });

  it('writes the due time as people read it', () => {
    expect(dueText('2026-11-23T15:00:00.000Z')).toBe('Monday 2026-11-23 15:00 UTC');
  });

  it('lets medical affairs, admins and the local operator read the intakes; anyone else gets FORBIDDEN', () => {
    const record = { id: 'dec-1', sequence: 7, kind: 'adverse_event_intake', actorId: 'u-rep', hcpId: null, refersTo: null, recordedAt: '2026-11-20T10:00:00.000Z', previousHash: '0', hash: 'h', payload: { reportedAt: '2026-11-20T10:00:00.000Z', dueBy: '2026-11-23T10:00:00.000Z', complete: true, missing: [], event: 'rash' } } as DecisionRecord;
    const asked: unknown[] = [];
    const log = { ofKind: (kind: string, options: unknown) => (asked.push([kind, options]), [record]) } as unknown as DecisionLog;
    expect(listIntakes(log, { role: 'medical_affairs' }, { since: '2026-11-01T00:00:00.000Z' })).toMatchObject([{ intakeId: 'dec-1', sequence: 7, event: 'rash', dueBy: '2026-11-23T10:00:00.000Z' }]);
    expect(asked).toEqual([['adverse_event_intake', { since: '2026-11-01T00:00:00.000Z' }]]);
    expect(mayReadIntakes({ role: 'admin' })).toBe(true);
    expect(mayReadIntakes({ role: null })).toBe(true);
    for (const role of ['rep', 'msl', 'manager'] as const) {
      expect(mayReadIntakes({ role })).toBe(false);
      expect(() => listIntakes(log, { role })).toThrow(AppError);
    }
  });
});
