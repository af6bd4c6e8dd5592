import { describe, expect, it } from 'vitest';
import { LambdaServiceError } from '../../src/errors.js';
import { RequestMembers } from '../../src/invoke-api/request-members.js';

/** The ValidationException message `check()` throws for `read`'s members, or undefined when it passes. */
function refusal(body: Record<string, unknown>, read: (members: RequestMembers) => void): string | undefined {
  const members = new RequestMembers(body);
  read(members);
  try {
    members.check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(LambdaServiceError);
    expect((error as LambdaServiceError).name).toBe('ValidationException');
    return (error as Error).message;
  }
}

describe('RequestMembers', () => {
  it('reads null as absent, and a missing required member as AWS prints it', () => {
    expect(refusal({ Timeout: null }, (m) => expect(m.integer('Timeout', { min: 1 })).toBeUndefined())).toBeUndefined();
    expect(refusal({}, (m) => m.string('Name', { required: true }))).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('names nested members by their dotted path and lists every violation of the request at once, in reading order', () => {
    const message = refusal({ MemorySize: 20_000, EphemeralStorage: { Size: 100 }, LoggingConfig: { ApplicationLogLevel: 'LOUD' } }, (m) => {
      m.integer('MemorySize', { min: 128, max: 10_240 });
      m.object('EphemeralStorage')?.integer('Size', { min: 512, max: 10_240 }, true);
      m.object('LoggingConfig')?.string('ApplicationLogLevel', { values: ['INFO', 'WARN'] });
    });
    expect(message).toBe(
      '3 validation errors detected: ' +
        "Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240; " +
        "Value '100' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value greater than or equal to 512; " +
        "Value 'LOUD' at 'loggingConfig.applicationLogLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, WARN]",
    );
  });

  it('refuses a member of the wrong JSON type instead of ignoring it', () => {
    expect(refusal({ Environment: 'A=1', Timeout: '3' }, (m) => (m.object('Environment'), m.integer('Timeout', { min: 1 })))).toBe(
      "2 validation errors detected: Value '\"A=1\"' at 'environment' failed to satisfy constraint: Member must be a JSON object; " +
        "Value '3' at 'timeout' failed to satisfy constraint: Member must be an integer",
    );
    expect(refusal({ Variables: [] }, (m) => m.map('Variables'))).toContain("at 'variables' failed to satisfy constraint: Member must be a JSON object");
  });

  it('checks a string against its length, then its pattern as a whole', () => {
    expect(refusal({ Handler: 'x'.repeat(129) }, (m) => m.string('Handler', { max: 128 }))).toContain('Member must have length less than or equal to 128');
    const pattern = { regex: /[^\s]+/, text: '[^\\s]+' };
    expect(refusal({ Handler: 'app.handler ' }, (m) => m.string('Handler', { pattern }))).toContain('Member must satisfy regular expression pattern: [^\\s]+');
    expect(refusal({ Handler: 'app.handler' }, (m) => expect(m.string('Handler', { pattern })).toBe('app.handler'))).toBeUndefined();
  });
});
