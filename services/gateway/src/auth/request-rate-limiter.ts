/** The answer of a rate limiter for one request. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Limits how often one caller (a user, an API key, an address) may call the API. */
export abstract class RequestRateLimiter {
  abstract consume(callerKey: string): RateDecision;
}
