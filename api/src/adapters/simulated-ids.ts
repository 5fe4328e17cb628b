/**
 * The ids the simulated checkout gives a pledge's session, payment intent and charge. Apart from
 * `simulated-payments.ts` so that use cases can name them without importing the Stripe SDK
 * (which that adapter needs for signing), keeping Stripe out of the API's Lambda bundle.
 */
export const simulatedSessionPrefix = 'cs_sim_';
export const simulatedPaymentIntentPrefix = 'pi_sim_';

export const simulatedSessionId = (pledgeId: string) => `${simulatedSessionPrefix}${pledgeId}`;
export const simulatedPaymentIntentId = (pledgeId: string) => `${simulatedPaymentIntentPrefix}${pledgeId}`;
export const simulatedChargeId = (pledgeId: string) => `ch_sim_${pledgeId}`;
