// A user error: printed as one line on stderr, exit code 1, no stack trace.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
