import { z } from 'zod';
import {
  databaseConfigSchema,
  kafkaConfigSchema,
  loadConfig,
  sensitive,
  serviceConfigSchema,
  telemetryConfigSchema,
} from '@itsm/config';

const seconds = z.coerce.number().int().min(1);

const commaSeparated = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** An external OpenID Connect provider whose tokens the gateway accepts. */
const oidcProviderSchema = z.strictObject({
  /** `iss` of its tokens, e.g. https://sso.example.com/realms/acme. */
  issuer: z.url(),
  /** Where its signing keys are published. */
  jwksUri: z.url(),
  /** `aud` the tokens must carry (the client id registered for the service desk). */
  audience: z.string().min(1),
  /** Dotted path of the claim listing the user's roles, e.g. realm_access.roles. */
  rolesClaim: z.string().min(1).default('roles'),
  /** Claim naming the customer organisation, if the provider knows it. */
  organizationClaim: z.string().min(1).optional(),
});

export type OidcProviderConfig = z.infer<typeof oidcProviderSchema>;

export const gatewayConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3000) })
  .extend(telemetryConfigSchema.shape)
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend({
    /** Signs the gateway's access tokens (HS256); at least 32 characters, from a Secret. */
    AUTH_JWT_SECRET: sensitive(z.string().min(32, 'must be at least 32 characters')),
    /** `iss` of the gateway's own tokens. */
    AUTH_JWT_ISSUER: z.string().min(1).default('itsm-gateway'),
    /** Lifetime of an access token: short, since it is not checked against the database. */
    AUTH_ACCESS_TOKEN_TTL_SECONDS: seconds.max(3600).default(900),
    /** Lifetime of a refresh token; each use rotates it. */
    AUTH_REFRESH_TOKEN_TTL_SECONDS: seconds.default(14 * 24 * 3600),
    /** Failed sign-ins in a row that lock an account. */
    AUTH_LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
    /** How long a locked account stays locked. */
    AUTH_LOCKOUT_SECONDS: seconds.default(15 * 60),
    /** JSON array of external OpenID Connect providers (issuer, jwksUri, audience, rolesClaim). */
    AUTH_OIDC_PROVIDERS: z
      .string()
      .default('[]')
      .transform((value, context) => {
        try {
          return JSON.parse(value) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'must be a JSON array' });
          return z.NEVER;
        }
      })
      .pipe(z.array(oidcProviderSchema)),
    /** Created at start when no account has this address (the first administrator). */
    AUTH_BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
    AUTH_BOOTSTRAP_ADMIN_PASSWORD: sensitive(z.string().min(12).optional()),
    /** Requests per minute allowed to one user or API key. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Requests a caller may send at once above its steady rate. */
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(100),
    /** Unauthenticated requests (sign-in, refresh) per minute from one address. */
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /**
     * Reverse proxies (ingress, load balancer) in front of the gateway whose X-Forwarded-For
     * is believed: the client address of rate limits and the audit log. 0 trusts none.
     */
    HTTP_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Origins a browser may call the API from (comma-separated); empty allows none. */
    CORS_ALLOWED_ORIGINS: commaSeparated.default([]),
    /** host:port of the tickets service's gRPC server. */
    TICKETS_GRPC_URL: z.string().min(1).default('127.0.0.1:50051'),
    /** host:port of the SLA service's gRPC server. */
    SLA_GRPC_URL: z.string().min(1).default('127.0.0.1:50052'),
    /** host:port of the knowledge service's gRPC server. */
    KNOWLEDGE_GRPC_URL: z.string().min(1).default('127.0.0.1:50053'),
    /** host:port of the routing service's gRPC server. */
    ROUTING_GRPC_URL: z.string().min(1).default('127.0.0.1:50054'),
    /** host:port of the CMDB service's gRPC server. */
    CMDB_GRPC_URL: z.string().min(1).default('127.0.0.1:50055'),
    /** host:port of the notifications service's gRPC server. */
    NOTIFICATIONS_GRPC_URL: z.string().min(1).default('127.0.0.1:50056'),
    /** Directory holding proto/itsm/**; defaults to the bundle's or the repository's. */
    PROTO_ROOT: z.string().optional(),
    /** Largest accepted JSON body. */
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('1mb'),
    /** Largest accepted body of a CMDB import (JSON or CSV): whole inventories travel at once. */
    HTTP_IMPORT_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('10mb'),
    /** Public base URL, used in Location headers and the OpenAPI document. */
    PUBLIC_URL: z.url().optional(),
    /**
     * Directory of the built web app (dist/services/web) to serve at `/`, with index.html for
     * the app's own paths; unset, the gateway serves the API only.
     */
    WEB_ROOT: z.string().min(1).optional(),
    /** Directory events relayed to Kafka per transaction (`publish-directory` writes thousands). */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    /** Users change seldom: the relay may look less often than a ticket service's does. */
    OUTBOX_IDLE_POLL_MS: z.coerce.number().int().min(5).max(10_000).default(200),
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const GATEWAY_CONFIG = Symbol('GatewayConfig');

export function loadGatewayConfig(): GatewayConfig {
  return loadConfig(gatewayConfigSchema);
}
