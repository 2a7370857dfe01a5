/** The errors the queue and its handlers share: a handler's error type decides a job's fate. */

/** Thrown by a handler that must run again later: the job waits `delayMs`, no attempt is spent. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Thrown by a handler for work that can never succeed: the job fails at once with this reason. */
export class PermanentError extends Error {
  override name = 'PermanentError';
}

/** The queue cannot accept work (Redis unreachable): the web side answers 503, so GitHub records a failed delivery. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
  /** Read by the webhook middleware as the HTTP answer. */
  readonly status = 503;
}

/** `REDIS_URL`, `ROLE` or a queue setting is wrong: the App refuses to start and says which. */
export class QueueConfigError extends Error {
  override name = 'QueueConfigError';
}
