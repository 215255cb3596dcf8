// Payment events leave through the outbox table, then Kafka (ADR-0010).
// Every publisher goes through this module, so the broker can be swapped behind it.

export interface PaymentEvent {
  readonly type: 'payment.captured' | 'payment.refunded';
  readonly paymentId: string;
}

/** Rows of the outbox, published in order by the relay; the topic is the event type (ADR-0010). */
export function outboxRow(event: PaymentEvent): { topic: string; payload: string } {
  return { topic: `payments.${event.type}`, payload: JSON.stringify(event) };
}
