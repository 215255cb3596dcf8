// Payment events leave through the outbox table, then the broker (ADR-0002).
// Every publisher goes through this module, so the broker can be swapped behind it.

export interface PaymentEvent {
  readonly type: 'payment.captured' | 'payment.refunded';
  readonly paymentId: string;
}

/** Rows of the outbox, published in order by the relay. */
export function outboxRow(event: PaymentEvent): { topic: string; payload: string } {
  return { topic: `payments.${event.type}`, payload: JSON.stringify(event) };
}
