import { type Principal, principalClaimsSchema, principalOf } from './principal';

/**
 * The gRPC metadata key that carries the caller from the gateway to the services. Only the
 * gateway (and the platform's own jobs) sets it; the chart's NetworkPolicy keeps everyone else
 * from reaching the services' gRPC ports.
 */
export const PRINCIPAL_METADATA_KEY = 'x-itsm-principal';

export function encodePrincipal(principal: Principal): string {
  const { permissions: _derived, ...claims } = principal;
  return Buffer.from(JSON.stringify(claims)).toString('base64url');
}

export class PrincipalMetadataError extends Error {}

/** Reads the metadata value back; permissions are derived again here, never trusted from the wire. */
export function decodePrincipal(value: string): Principal {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new PrincipalMetadataError(`${PRINCIPAL_METADATA_KEY} is not base64url JSON`);
  }
  const parsed = principalClaimsSchema.safeParse(json);
  if (!parsed.success)
    throw new PrincipalMetadataError(
      `${PRINCIPAL_METADATA_KEY} is not a principal: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return principalOf(parsed.data);
}
