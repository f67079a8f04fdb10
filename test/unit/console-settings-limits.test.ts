/**
 * The Settings page tells people each setting's limits before they save; those copies must be the
 * limits the API enforces, read here from the OpenAPI document the server serves.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../console/scripts/openapi-types.js';
import { LIMITS } from '../../console/src/settings/limits.js';

type Schema = { minimum?: number; maximum?: number; minLength?: number; maxLength?: number; properties?: Record<string, Schema>; anyOf?: Schema[] };

/** A nullable field is `anyOf: [field, null]`; its limits are on the field. */
const bounds = (schema: Schema | undefined) => {
  const s = schema?.anyOf?.find((v) => v.minimum !== undefined || v.minLength !== undefined) ?? schema;
  return { min: s?.minimum ?? s?.minLength, max: s?.maximum ?? s?.maxLength };
};

function body(doc: any, path: string, method: string): Schema {
  return doc.paths[path][method].requestBody.content['application/json'].schema;
}

describe('the console\'s setting limits', () => {
  it('are the limits of the API\'s schemas (organization settings, password policy, terms, API keys)', async () => {
    const doc = await openApiDocument();
    const settings = body(doc, '/api/v1/organizations/{organizationId}', 'patch').properties!.settings!.properties!;
    const policy = settings.passwordPolicy!.properties!;
    expect({
      minLength: bounds(policy.minLength), historyCount: bounds(policy.historyCount), maxAgeDays: bounds(policy.maxAgeDays),
      invitationLifetimeDays: bounds(settings.invitationLifetimeDays), sessionIdleMinutes: bounds(settings.sessionIdleMinutes),
      sessionAbsoluteHours: bounds(settings.sessionAbsoluteHours),
      termsVersion: bounds(body(doc, '/api/v1/organizations/{organizationId}/terms', 'put').properties!.version),
      apiKeyName: bounds(body(doc, '/api/v1/organizations/{organizationId}/api-keys', 'post').properties!.name),
    }).toEqual(LIMITS);
  });
});
