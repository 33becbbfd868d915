/**
 * Typed domain errors. Domain code throws these; the HTTP layer maps them to status codes
 * in one place (shared/http/handler.ts), so no handler decides status codes ad hoc.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, fields: FieldProblem[] = []) {
    super(400, 'bad_request', message, fields);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = 'Missing or invalid credentials') {
    super(401, 'unauthorized', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed') {
    super(403, 'forbidden', message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}
export class UnprocessableError extends DomainError {
  constructor(message: string, fields: FieldProblem[] = []) {
    super(422, 'unprocessable', message, fields);
  }
}
export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', `Too many requests; retry after ${retryAfterSeconds}s`);
  }
}
