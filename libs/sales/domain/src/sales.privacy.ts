import { classifyEventFields, personalDataPolicyOf, type PersonalDataPolicy } from '@c360/kernel';
import type { SalesEvent } from './sales-events';

/**
 * Every text field of every sales event, personal or plain (GUIDE "Privacy", ADR 0013). Free text
 * attached to a customer is personal by default: deal titles, win/loss/reopen reasons, activity subjects
 * and notes, refund reasons, contract titles and lapse reasons are typed by people and hold names,
 * phones and e-mails as typed, so they are sealed with the customer's key and become unreadable when
 * the customer is erased. Ids, amounts, SKUs, dates, stage and pipeline names (the business's own
 * wording, about no customer) stay plain; payment fingerprints and device ids are pseudonymous tokens
 * loyalty's fraud rules compare, never raw card or device data.
 */
export const salesEventFields = classifyEventFields<SalesEvent>()({
  'sales.pipeline-defined': { fields: { pipelineId: 'plain', name: 'plain', definedAt: 'plain', stages: 'plain' } },
  'sales.pipeline-renamed': { fields: { pipelineId: 'plain', name: 'plain', previousName: 'plain', renamedAt: 'plain' } },
  'sales.pipeline-stage-added': { fields: { pipelineId: 'plain', afterStageId: 'plain', addedAt: 'plain', stage: 'plain' } },
  'sales.pipeline-stage-changed': {
    fields: { pipelineId: 'plain', stageId: 'plain', name: 'plain', previousName: 'plain', changedAt: 'plain' },
  },
  'sales.pipeline-stages-reordered': { fields: { pipelineId: 'plain', stageIds: 'plain', reorderedAt: 'plain' } },
  'sales.pipeline-stage-retired': { fields: { pipelineId: 'plain', stageId: 'plain', retiredAt: 'plain' } },
  'sales.deal-opened': {
    subject: 'customerId',
    fields: {
      dealId: 'plain',
      customerId: 'plain',
      pipelineId: 'plain',
      stageId: 'plain',
      title: 'personal',
      currency: 'plain',
      ownerId: 'plain',
      expectedCloseDate: 'plain',
      source: 'plain',
      openedAt: 'plain',
    },
  },
  'sales.deal-stage-changed': {
    fields: {
      dealId: 'plain',
      pipelineId: 'plain',
      fromStageId: 'plain',
      toStageId: 'plain',
      direction: 'plain',
      currency: 'plain',
      changedAt: 'plain',
    },
  },
  'sales.deal-won': { subject: 'customerId', fields: { ...closedFields(), wonAt: 'plain' } },
  'sales.deal-lost': { subject: 'customerId', fields: { ...closedFields(), lostAt: 'plain' } },
  'sales.deal-reopened': {
    subject: 'customerId',
    fields: {
      dealId: 'plain',
      customerId: 'plain',
      pipelineId: 'plain',
      fromStageId: 'plain',
      stageId: 'plain',
      currency: 'plain',
      ownerId: 'plain',
      previousOutcome: 'plain',
      previousClosedAt: 'plain',
      reason: 'personal',
      reopenedAt: 'plain',
    },
  },
  'sales.deal-amount-changed': {
    fields: { dealId: 'plain', pipelineId: 'plain', stageId: 'plain', currency: 'plain', previousCurrency: 'plain', changedAt: 'plain' },
  },
  'sales.deal-owner-changed': {
    fields: { dealId: 'plain', pipelineId: 'plain', ownerId: 'plain', previousOwnerId: 'plain', changedAt: 'plain' },
  },
  'sales.deal-probability-changed': {
    fields: { dealId: 'plain', pipelineId: 'plain', stageId: 'plain', currency: 'plain', changedAt: 'plain' },
  },
  'sales.deal-close-date-changed': {
    fields: { dealId: 'plain', expectedCloseDate: 'plain', previousExpectedCloseDate: 'plain', changedAt: 'plain' },
  },
  'sales.deal-activity-logged': {
    subject: 'customerId',
    fields: {
      dealId: 'plain',
      customerId: 'plain',
      activityId: 'plain',
      kind: 'plain',
      subject: 'personal',
      notes: 'personal',
      activityAt: 'plain',
      loggedBy: 'plain',
      loggedAt: 'plain',
    },
  },
  'sales.purchase-recorded': {
    fields: {
      purchaseId: 'plain',
      orderId: 'plain',
      customerId: 'plain',
      channel: 'plain',
      dealId: 'plain',
      currency: 'plain',
      purchasedAt: 'plain',
      paymentFingerprint: 'plain',
      deviceId: 'plain',
      recordedAt: 'plain',
      lines: 'plain',
    },
  },
  'sales.purchase-refunded': {
    subject: 'customerId',
    fields: {
      purchaseId: 'plain',
      orderId: 'plain',
      customerId: 'plain',
      refundId: 'plain',
      kind: 'plain',
      reason: 'personal',
      currency: 'plain',
      refundedAt: 'plain',
      lines: 'plain',
    },
  },
  'sales.contract-started': {
    subject: 'customerId',
    fields: {
      contractId: 'plain',
      customerId: 'plain',
      title: 'personal',
      currency: 'plain',
      startDate: 'plain',
      renewalDate: 'plain',
      dealId: 'plain',
      startedAt: 'plain',
    },
  },
  'sales.contract-renewed': {
    fields: {
      contractId: 'plain',
      customerId: 'plain',
      renewedAt: 'plain',
      renewalDate: 'plain',
      previousRenewalDate: 'plain',
      currency: 'plain',
    },
  },
  'sales.contract-lapsed': {
    subject: 'customerId',
    fields: { contractId: 'plain', customerId: 'plain', renewalDate: 'plain', reason: 'personal', lapsedAt: 'plain' },
  },
});

function closedFields() {
  return {
    dealId: 'plain',
    customerId: 'plain',
    currency: 'plain',
    ownerId: 'plain',
    pipelineId: 'plain',
    stageId: 'plain',
    fromStageId: 'plain',
    reason: 'personal',
    openedAt: 'plain',
  } as const;
}

/** The sealing policy that follows from the classification (kept under its first-wave name). */
export const salesPersonalData: PersonalDataPolicy = personalDataPolicyOf(salesEventFields);
