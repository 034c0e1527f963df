import { createEvent, EventTypes, type CloudEvent, type Principal } from '@paritrana/contracts';
import type { NominationEntity } from './nomination.entity';

const origin = { service: 'nomination-intake' };

/** The fields every nomination event carries to identify the nomination and its board. */
const ref = (n: NominationEntity) => ({ nominationId: n.id, edition: n.edition, tier: n.tier, province: n.province, category: n.category });

export const submittedEvent = (n: NominationEntity, cause?: CloudEvent): CloudEvent =>
  createEvent(
    EventTypes.NominationSubmitted,
    n.id,
    {
      ...ref(n),
      nominee: n.nominee,
      contact: n.contact,
      indicators: n.indicators,
      submittedAt: n.submittedAt.toISOString(),
      submittedBy: n.submittedBy,
      ...(n.advancedFrom ? { advancedFrom: n.advancedFrom } : {}),
    },
    { ...origin, ...(cause ? { cause } : {}) },
  );

export const amendedEvent = (n: NominationEntity, fields: Array<'contact' | 'indicators' | 'documents'>, by: Principal): CloudEvent =>
  createEvent(
    EventTypes.NominationAmended,
    n.id,
    {
      ...ref(n),
      nominee: n.nominee,
      contact: n.contact,
      indicators: n.indicators,
      documents: n.documents,
      version: n.version,
      amendedFields: fields,
      submittedAt: n.submittedAt.toISOString(),
      amendedAt: n.updatedAt.toISOString(),
      amendedBy: by.sub,
    },
    origin,
  );

export const withdrawnEvent = (n: NominationEntity, by: Principal, reason?: string): CloudEvent =>
  createEvent(
    EventTypes.NominationWithdrawn,
    n.id,
    {
      ...ref(n),
      ...(reason ? { reason } : {}),
      withdrawnAt: n.withdrawnAt!.toISOString(),
      withdrawnBy: by.sub,
    },
    origin,
  );
