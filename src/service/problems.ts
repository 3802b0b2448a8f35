/**
 * Every error the service answers, as RFC 9457 problem details (`application/problem+json`): a
 * stable `type` per kind of error, which clients may branch on, a title, the status, and what went
 * wrong in `detail`. Handlers throw a `Problem`; the error handler turns anything else into one.
 */
export const PROBLEMS = {
  "bad-request": { status: 400, title: "The request is malformed" },
  "unauthorized": { status: 401, title: "A valid API token is required" },
  "forbidden": { status: 403, title: "This token may not do this" },
  "not-found": { status: 404, title: "No such resource" },
  "unknown-policy": { status: 404, title: "No such policy" },
  "timeout": { status: 408, title: "The request took too long to arrive" },
  "too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "This content type is not accepted here" },
  "invalid-body": { status: 422, title: "The request body does not have the expected shape" },
  "rejected-report": { status: 422, title: "The report was not stored: it fails the policy's checks" },
  "idempotency-conflict": { status: 422, title: "This Idempotency-Key was used with another body" },
  "too-many-rows": { status: 413, title: "The upload has more rows than one upload may" },
  "not-ready": { status: 503, title: "The service is not ready" },
  "internal": { status: 500, title: "Something went wrong in the service" },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export const problemUri = (type: ProblemType): string => `urn:chitieu:problem:${type}`;

export class Problem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }

  get status(): number {
    return PROBLEMS[this.type].status;
  }

  body(instance: string): Record<string, unknown> {
    return { type: problemUri(this.type), title: PROBLEMS[this.type].title, status: this.status, detail: this.detail, instance, ...this.extensions };
  }
}
